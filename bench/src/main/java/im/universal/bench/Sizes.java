package im.universal.bench;

/**
 * How big each scenario is. {@link #full()} is the benchmark; {@link #smoke()} is seconds of traffic at a
 * few frames per second per connection, for the test suite's federation with its default limits (20 frames/s
 * per connection, 60 registrations per minute per address).
 */
public record Sizes(
        int pairs,
        int window,
        int messagesPerPair,
        int crossMessagesPerPair,
        double latencyRate,
        int latencySeconds,
        int idleConnections,
        int idleUsers,
        int idleHoldSeconds,
        int reconnectClients,
        int reconnectSeconds,
        int presenceContacts,
        int directoryEntries,
        int logins,
        double perConnectionCap,
        int setupParallelism) {

    public static Sizes full() {
        return new Sizes(50, 32, 1000, 300, 1000, 15, 10_000, 100, 10, 16, 10, 1000, 2000, 8, 0, 8);
    }

    public static Sizes smoke() {
        return new Sizes(2, 4, 20, 12, 10, 2, 6, 2, 1, 2, 2, 3, 3, 2, 8, 4);
    }

    public Sizes withMessagesPerPair(int local, int cross) {
        return new Sizes(
                pairs,
                window,
                local,
                cross,
                latencyRate,
                latencySeconds,
                idleConnections,
                idleUsers,
                idleHoldSeconds,
                reconnectClients,
                reconnectSeconds,
                presenceContacts,
                directoryEntries,
                logins,
                perConnectionCap,
                setupParallelism);
    }

    public Sizes withIdleConnections(int connections) {
        return new Sizes(
                pairs,
                window,
                messagesPerPair,
                crossMessagesPerPair,
                latencyRate,
                latencySeconds,
                connections,
                idleUsers,
                idleHoldSeconds,
                reconnectClients,
                reconnectSeconds,
                presenceContacts,
                directoryEntries,
                logins,
                perConnectionCap,
                setupParallelism);
    }
}

package im.universal.bench.soak;

/** The phases of a soak run, shared by its threads. */
final class SoakClock {
    private volatile boolean sendersStopped;
    private volatile boolean holdReceivers;
    private volatile boolean receiversStopped;

    boolean sendersStopped() {
        return sendersStopped;
    }

    /** Senders end; receivers stop churning and stay connected to take what is still on its way. */
    void stopSenders() {
        sendersStopped = true;
        holdReceivers = true;
    }

    boolean holdReceivers() {
        return holdReceivers;
    }

    boolean receiversStopped() {
        return receiversStopped;
    }

    void stopReceivers() {
        receiversStopped = true;
    }
}

package im.universal.bench.soak;

import im.universal.bench.client.BenchFailure;
import im.universal.bench.client.Jsons;
import im.universal.bench.client.Socket;
import im.universal.bench.client.User;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One sender and one receiver for the soak. The sender sends numbered messages and waits for each ack,
 * resending with the same client id after a failure (which must never duplicate). The receiver reconnects every
 * 10-40 s (a graceful close that waits for the server's close, so nothing the server wrote is dropped) and
 * whenever its socket dies (its ISP restarting); it checks every message arrives once, in order.
 */
final class SoakLane {
    private static final long ACK_TIMEOUT_SECONDS = 20;

    private final int index;
    private final User sender;
    private final User receiver;
    private final String tag;
    private final HttpClient http;
    private final Random random;
    private final Map<String, CompletableFuture<JsonObject>> answers = new ConcurrentHashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong resends = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private long expected;
    private long delivered;
    private long duplicates;
    private long gaps;
    private Socket senderSocket;

    SoakLane(int index, User sender, User receiver, String tag, HttpClient http) {
        this.index = index;
        this.sender = sender;
        this.receiver = receiver;
        this.tag = tag;
        this.http = http;
        this.random = new Random(index);
    }

    /** Sends until {@code stop} says so, one message per {@code gapMillis}. */
    void send(SoakClock clock, long gapMillis) {
        long seq = 0;
        while (!clock.sendersStopped()) {
            String id = tag + "-" + index + "-" + seq;
            String frame = Jsons.message(id, receiver.address(), tag + " " + index + " " + seq);
            while (!trySend(id, frame)) {
                resends.incrementAndGet();
                sleep(500);
            }
            sent.incrementAndGet();
            seq++;
            sleep(gapMillis);
        }
        if (senderSocket != null) {
            senderSocket.close();
        }
    }

    private boolean trySend(String id, String frame) {
        try {
            if (senderSocket == null || !senderSocket.isOpen()) {
                senderSocket = Socket.open(http, sender.api().webSocketUri(), sender.name(), sender.token(), f -> {
                    String key = "ack".equals(Jsons.str(f, "type")) ? Jsons.str(f, "id") : Jsons.str(f, "ref");
                    CompletableFuture<JsonObject> answer = key == null ? null : answers.remove(key);
                    if (answer != null) {
                        answer.complete(f);
                    }
                });
            }
            CompletableFuture<JsonObject> answer = new CompletableFuture<>();
            answers.put(id, answer);
            senderSocket.send(frame);
            JsonObject reply = answer.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return "ack".equals(Jsons.str(reply, "type"));
        } catch (Exception e) {
            answers.remove(id);
            if (senderSocket != null) {
                senderSocket.abort();
                senderSocket = null;
            }
            return false;
        }
    }

    /** Keeps a receiver connected (with churn) until {@code stop} says so. */
    void receive(SoakClock clock) {
        while (!clock.receiversStopped()) {
            Socket socket;
            try {
                socket = Socket.open(
                        http, receiver.api().webSocketUri(), receiver.name(), receiver.token(), this::arrived);
            } catch (BenchFailure e) {
                sleep(1000);
                continue;
            }
            reconnects.incrementAndGet();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10 + random.nextInt(30));
            while (socket.isOpen()
                    && System.nanoTime() < until
                    && !clock.receiversStopped()
                    && !clock.holdReceivers()) {
                sleep(200);
            }
            while (socket.isOpen() && clock.holdReceivers() && !clock.receiversStopped()) {
                sleep(200);
            }
            socket.closeGracefully();
        }
    }

    private void arrived(JsonObject frame) {
        if (!"message".equals(Jsons.str(frame, "type"))) {
            return;
        }
        String[] parts = String.valueOf(Jsons.str(frame, "body")).split(" ");
        synchronized (this) {
            if (parts.length != 3
                    || !tag.equals(parts[0])
                    || !Integer.toString(index).equals(parts[1])) {
                violations.add("lane " + index + ": unexpected " + frame);
                return;
            }
            long seq = Long.parseLong(parts[2]);
            if (seq < expected) {
                duplicates++;
                violations.add("lane " + index + ": duplicate " + seq + " (expecting " + expected + ")");
            } else {
                if (seq > expected) {
                    gaps++;
                    violations.add("lane " + index + ": got " + seq + " while expecting " + expected);
                }
                delivered++;
                expected = seq + 1;
            }
        }
    }

    synchronized long delivered() {
        return delivered;
    }

    long sent() {
        return sent.get();
    }

    synchronized void collect(SoakTally tally) {
        tally.sent += sent.get();
        tally.delivered += delivered;
        tally.duplicates += duplicates;
        tally.gaps += gaps;
        tally.resends += resends.get();
        tally.reconnects += reconnects.get();
        if (delivered != sent.get()) {
            violations.add("lane " + index + ": " + sent.get() + " sent, " + delivered + " delivered");
        }
        tally.violations.addAll(violations);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package im.universal.message.boundary;

import im.universal.platform.UimException;

/** What became of one {@link SendRequest}: stored (an ack) or refused (a documented error). */
public record SendResult(SendRequest request, MessageAck ack, UimException refusal) {
    static SendResult accepted(SendRequest request, MessageAck ack) {
        return new SendResult(request, ack, null);
    }

    public static SendResult refused(SendRequest request, UimException refusal) {
        return new SendResult(request, null, refusal);
    }

    public boolean isAccepted() {
        return ack != null;
    }
}

package im.universal.federation.control;

/** An encoded envelope on its way to one destination, with its {@link OrderingLane lane}. */
public interface Outgoing {
    int lane();

    /** The envelope type's wire name. */
    String type();

    /** The encoded envelope ({@link EnvelopeCodec#encode}). */
    String envelope();

    static Outgoing of(int lane, String type, String envelope) {
        return new Of(lane, type, envelope);
    }

    /** An envelope that is sent at once, without an outbox row. */
    record Of(int lane, String type, String envelope) implements Outgoing {}
}

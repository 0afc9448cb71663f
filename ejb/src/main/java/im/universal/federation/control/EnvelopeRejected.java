package im.universal.federation.control;

/** An inbound envelope that is not acceptable; carries the reason counted in the metrics. */
public class EnvelopeRejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public EnvelopeRejected(String reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}

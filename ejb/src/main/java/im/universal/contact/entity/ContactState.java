package im.universal.contact.entity;

/** Where a contact relation stands, seen from its owner. */
public enum ContactState {
    /** I asked, they have not answered. */
    PENDING_OUT("pending-out"),
    /** They asked, I have not answered. */
    PENDING_IN("pending-in"),
    /** Mutual: each sees the other's presence and may message the other. */
    ACCEPTED("accepted");

    private final String wire;

    ContactState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}

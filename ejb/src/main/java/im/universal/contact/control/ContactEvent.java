package im.universal.contact.control;

/** What can happen to a contact relation, seen from its owner. */
public enum ContactEvent {
    /** The owner asks the peer. */
    REQUEST_OUT,
    /** The peer asks the owner. */
    REQUEST_IN,
    /** The owner approves the peer's request. */
    APPROVE,
    /** The peer approved the owner's request. */
    APPROVED_BY_PEER,
    /** The owner denies the peer's request. */
    DENY,
    /** The peer denied the owner's request. */
    DENIED_BY_PEER,
    /** The owner removes the peer. */
    REMOVE,
    /** The peer removed the owner. */
    REMOVED_BY_PEER
}

package im.universal.contact.control;

import static im.universal.contact.entity.ContactState.ACCEPTED;
import static im.universal.contact.entity.ContactState.PENDING_IN;
import static im.universal.contact.entity.ContactState.PENDING_OUT;

import im.universal.contact.entity.ContactState;
import im.universal.platform.ErrorCode;
import im.universal.platform.UimException;

/**
 * The contact relation of one owner with one peer (RFC 6121 subscriptions, simplified to mutual contacts). A
 * {@code null} state means "no relation"; a transition to {@code null} removes it.
 */
public final class ContactStateMachine {
    private ContactStateMachine() {}

    /** The state after {@code event}; throws the documented error when the owner asks for the impossible. */
    public static ContactState next(ContactState current, ContactEvent event) {
        return switch (event) {
            case REQUEST_OUT -> current == PENDING_IN || current == ACCEPTED ? ACCEPTED : PENDING_OUT;
            case REQUEST_IN -> current == PENDING_OUT || current == ACCEPTED ? ACCEPTED : PENDING_IN;
            case APPROVE -> {
                requireRequest(current);
                yield ACCEPTED;
            }
            case DENY -> {
                requireRequest(current);
                yield null;
            }
            case APPROVED_BY_PEER -> current == PENDING_OUT || current == ACCEPTED ? ACCEPTED : current;
            case DENIED_BY_PEER -> current == PENDING_OUT ? null : current;
            case REMOVE -> {
                if (current == null) {
                    throw new UimException(ErrorCode.NOT_FOUND, "Not in your contact list");
                }
                yield null;
            }
            case REMOVED_BY_PEER -> null;
        };
    }

    private static void requireRequest(ContactState current) {
        if (current != PENDING_IN) {
            throw new UimException(ErrorCode.NO_REQUEST, "There is no pending request from this address");
        }
    }
}

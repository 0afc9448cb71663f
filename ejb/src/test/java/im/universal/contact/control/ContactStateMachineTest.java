package im.universal.contact.control;

import static im.universal.contact.control.ContactEvent.APPROVE;
import static im.universal.contact.control.ContactEvent.APPROVED_BY_PEER;
import static im.universal.contact.control.ContactEvent.DENIED_BY_PEER;
import static im.universal.contact.control.ContactEvent.DENY;
import static im.universal.contact.control.ContactEvent.REMOVE;
import static im.universal.contact.control.ContactEvent.REMOVED_BY_PEER;
import static im.universal.contact.control.ContactEvent.REQUEST_IN;
import static im.universal.contact.control.ContactEvent.REQUEST_OUT;
import static im.universal.contact.entity.ContactState.ACCEPTED;
import static im.universal.contact.entity.ContactState.PENDING_IN;
import static im.universal.contact.entity.ContactState.PENDING_OUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import im.universal.platform.ErrorCode;
import im.universal.platform.UimException;
import org.junit.jupiter.api.Test;

class ContactStateMachineTest {

    @Test
    void requestThenApprovalMakesBothSidesAccepted() {
        // Setup: alice asks bob
        var alice = ContactStateMachine.next(null, REQUEST_OUT);
        var bob = ContactStateMachine.next(null, REQUEST_IN);
        assertEquals(PENDING_OUT, alice);
        assertEquals(PENDING_IN, bob);
        // Execute: bob approves, alice hears of it
        bob = ContactStateMachine.next(bob, APPROVE);
        alice = ContactStateMachine.next(alice, APPROVED_BY_PEER);
        // Verify
        assertEquals(ACCEPTED, bob);
        assertEquals(ACCEPTED, alice);
    }

    @Test
    void crossingRequestsAcceptEachOther() {
        assertEquals(ACCEPTED, ContactStateMachine.next(PENDING_OUT, REQUEST_IN));
        assertEquals(ACCEPTED, ContactStateMachine.next(PENDING_IN, REQUEST_OUT));
    }

    @Test
    void denialRemovesTheRequestOnBothSides() {
        assertNull(ContactStateMachine.next(PENDING_IN, DENY));
        assertNull(ContactStateMachine.next(PENDING_OUT, DENIED_BY_PEER));
    }

    @Test
    void approvingOrDenyingWithoutARequestIsNoRequest() {
        for (var state : new im.universal.contact.entity.ContactState[] {null, PENDING_OUT, ACCEPTED}) {
            UimException approve = assertThrows(UimException.class, () -> ContactStateMachine.next(state, APPROVE));
            UimException deny = assertThrows(UimException.class, () -> ContactStateMachine.next(state, DENY));
            assertEquals(ErrorCode.NO_REQUEST, approve.code());
            assertEquals(ErrorCode.NO_REQUEST, deny.code());
        }
    }

    @Test
    void removalEndsAnyRelationAndRemovingNothingIsNotFound() {
        assertNull(ContactStateMachine.next(ACCEPTED, REMOVE));
        assertNull(ContactStateMachine.next(PENDING_OUT, REMOVE));
        assertNull(ContactStateMachine.next(ACCEPTED, REMOVED_BY_PEER));
        assertEquals(
                ErrorCode.NOT_FOUND,
                assertThrows(UimException.class, () -> ContactStateMachine.next(null, REMOVE))
                        .code());
    }

    @Test
    void aStrayAnswerChangesNothing() {
        assertNull(ContactStateMachine.next(null, APPROVED_BY_PEER));
        assertEquals(PENDING_IN, ContactStateMachine.next(PENDING_IN, APPROVED_BY_PEER));
        assertEquals(ACCEPTED, ContactStateMachine.next(ACCEPTED, DENIED_BY_PEER));
    }

    @Test
    void repeatedRequestsAreIdempotent() {
        assertEquals(PENDING_OUT, ContactStateMachine.next(PENDING_OUT, REQUEST_OUT));
        assertEquals(PENDING_IN, ContactStateMachine.next(PENDING_IN, REQUEST_IN));
        assertEquals(ACCEPTED, ContactStateMachine.next(ACCEPTED, REQUEST_OUT));
    }
}

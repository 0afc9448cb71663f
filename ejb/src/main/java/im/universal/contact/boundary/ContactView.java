package im.universal.contact.boundary;

import im.universal.contact.entity.ContactState;
import im.universal.presence.control.PresenceView;

/** One contact as the client sees it; presence is offline unless the contact is accepted. */
public record ContactView(String address, String displayName, String state, PresenceView presence) {
    public boolean accepted() {
        return ContactState.ACCEPTED.wire().equals(state);
    }
}

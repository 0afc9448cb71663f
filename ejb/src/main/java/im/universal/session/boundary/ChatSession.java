package im.universal.session.boundary;

import im.universal.presence.control.PresenceView;

/** The answer to opening an IM session with a contact: where it is and whether it is there. */
public record ChatSession(String with, String route, PresenceView presence) {}

package im.universal.presence.boundary;

import im.universal.platform.Address;
import im.universal.presence.control.PresenceView;
import java.util.List;

/** What another ISP says of one of its users' presence, for some local users. */
public record RemotePresence(Address from, PresenceView view, List<Address> recipients) {}

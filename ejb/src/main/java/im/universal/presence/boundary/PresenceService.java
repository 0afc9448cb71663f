package im.universal.presence.boundary;

import static im.universal.platform.JsonSupport.JSON;

import im.universal.contact.control.ContactQueries;
import im.universal.federation.boundary.EphemeralSender;
import im.universal.federation.control.EnvelopeType;
import im.universal.platform.Address;
import im.universal.platform.ErrorCode;
import im.universal.platform.InLists;
import im.universal.platform.IspConfig;
import im.universal.platform.Telemetry;
import im.universal.platform.UimException;
import im.universal.presence.control.DevicePresence;
import im.universal.presence.control.PresenceAggregator;
import im.universal.presence.control.PresenceView;
import im.universal.presence.control.RemotePresenceCache;
import im.universal.presence.control.Show;
import im.universal.push.boundary.ClientConnection;
import im.universal.push.control.ConnectionRegistry;
import im.universal.push.entity.Notification;
import im.universal.push.entity.PresencePush;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Presence: who is online on which devices (a user is online while one of their connections is open), what they
 * show, and telling accepted contacts — locally by push, remotely with one envelope per remote domain.
 */
@Stateless
public class PresenceService {
    @PersistenceContext
    EntityManager em;

    @Inject
    IspConfig config;

    @Inject
    ConnectionRegistry registry;

    @Inject
    RemotePresenceCache remote;

    @Inject
    EphemeralSender ephemeral;

    @Inject
    Telemetry telemetry;

    @Inject
    Event<Notification> notifications;

    /**
     * A connection authenticated: it gets the user's pushes from now on. True when it is the user's first device:
     * the caller then reads the contact list (after this, so no change to it is missed) and calls {@link
     * #cameOnline}.
     */
    public boolean register(ClientConnection connection) {
        return registry.add(connection);
    }

    /** The user came online (first device): accepted contacts see it, remote ISPs are asked for their presence. */
    public void cameOnline(Address me, List<String> acceptedContacts) {
        broadcast(me, PresenceAggregator.aggregate(registry.devices(me.toString()), null), acceptedContacts);
        probeRemoteContacts(me, acceptedContacts);
    }

    /**
     * A connection closed: after the user's last device, contacts see them offline with last seen; otherwise they see
     * the new aggregate if the device that left was the one that set it (an {@code available} phone leaving a
     * laptop that said {@code away}), even when the laptop's own update came in before this close was handled.
     */
    public void disconnected(ClientConnection connection) {
        Address me = connection.caller().address();
        PresenceView before = PresenceAggregator.aggregate(registry.devices(me.toString()), null);
        if (registry.remove(connection)) {
            Instant now = Instant.now();
            em.createQuery("update Account a set a.lastSeen = :now where a.id = :id")
                    .setParameter("now", now)
                    .setParameter("id", connection.caller().accountId())
                    .executeUpdate();
            broadcast(me, PresenceView.offline(now), acceptedContacts(connection));
            return;
        }
        List<DevicePresence> remaining = registry.devices(me.toString());
        if (!remaining.isEmpty()
                && !PresenceAggregator.aggregate(remaining, null).equals(before)) {
            broadcast(me, viewOf(me.toString()), acceptedContacts(connection));
        }
    }

    /** A device sets its own presence. */
    public void update(ClientConnection connection, String showWire, String status) {
        Show show = Show.settable(showWire);
        if (show == null) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "show must be available, away or dnd");
        }
        if (status != null && status.codePointCount(0, status.length()) > PresenceView.MAX_STATUS) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "status text is limited to 200 characters");
        }
        if (registry.update(connection, show, status)) {
            Address me = connection.caller().address();
            broadcast(me, viewOf(me.toString()), acceptedContacts(connection));
        }
    }

    /** The presence of any address as this ISP knows it. */
    public PresenceView viewOf(String address) {
        Address parsed = Address.parse(address);
        if (!config.isLocal(parsed)) {
            return remote.get(address);
        }
        List<Instant> seen = em.createQuery("select a.lastSeen from Account a where a.address = :a", Instant.class)
                .setParameter("a", address)
                .getResultList();
        Instant lastSeen = seen.isEmpty() ? null : seen.get(0);
        return PresenceAggregator.aggregate(registry.devices(address), lastSeen);
    }

    /**
     * The presence of many addresses, by address, as {@link #viewOf} gives it: one query for the last-seen times
     * of the local ones (per chunk of them), remote ones from what their ISPs told us.
     */
    public Map<String, PresenceView> viewsOf(Collection<String> addresses) {
        List<String> local =
                addresses.stream().filter(a -> config.isLocal(Address.parse(a))).toList();
        Map<String, Instant> lastSeen = new HashMap<>();
        InLists.forEachRow(
                em,
                "select a.address, a.lastSeen from Account a where a.address in ",
                local,
                row -> lastSeen.put((String) row[0], (Instant) row[1]));
        return viewsOf(addresses, lastSeen);
    }

    /**
     * As {@link #viewsOf(Collection)}, for a caller that has read the local users' last-seen times already (a local
     * address missing from {@code localLastSeen} was never seen); no query.
     */
    public Map<String, PresenceView> viewsOf(Collection<String> addresses, Map<String, Instant> localLastSeen) {
        Map<String, PresenceView> views = new HashMap<>();
        for (String address : addresses) {
            views.put(
                    address,
                    config.isLocal(Address.parse(address))
                            ? PresenceAggregator.aggregate(registry.devices(address), localLastSeen.get(address))
                            : remote.get(address));
        }
        return views;
    }

    /**
     * Two users just became contacts: each learns the other's presence. A remote peer's presence may have arrived
     * before the acceptance did (it travels apart from it), so the local user gets what is known of it now, and
     * anything newer when it comes.
     */
    public void contactAccepted(Address local, Address peer) {
        send(local, viewOf(local.toString()), peer.domain(), List.of(peer.toString()));
        notifications.fire(new PresencePush(local.toString(), peer.toString(), viewOf(peer.toString())));
    }

    // --- from other ISPs ---

    /**
     * Remote users' presence, in the order their ISP sent it: remembered, and pushed to those of the named local
     * users who have the remote user as an accepted contact (one query for the whole list). The pushes are
     * returned, for the caller to deliver once its transaction has committed.
     */
    public List<Notification> remoteUpdates(List<RemotePresence> updates) {
        Set<Map.Entry<String, String>> accepted = ContactQueries.acceptedPairs(
                em,
                updates.stream()
                        .flatMap(u -> u.recipients().stream())
                        .map(Address::toString)
                        .collect(Collectors.toSet()),
                updates.stream().map(u -> u.from().toString()).collect(Collectors.toSet()));
        List<Notification> pushes = new ArrayList<>();
        for (RemotePresence update : updates) {
            String from = update.from().toString();
            remote.put(from, update.view());
            for (Address recipient : update.recipients()) {
                if (accepted.contains(Map.entry(recipient.toString(), from))) {
                    pushes.add(new PresencePush(recipient.toString(), from, update.view()));
                }
            }
        }
        return pushes;
    }

    /**
     * A remote user asks for the presence of some of our users; only their accepted contacts answer, each with an
     * envelope of its own (an envelope speaks for one user), all of them in batch messages.
     */
    public void remoteProbe(Address from, List<Address> targets) {
        Set<String> accepting = acceptingOwners(targets, from);
        Map<String, PresenceView> views = viewsOf(accepting);
        List<JsonObject> answers = new ArrayList<>();
        for (Address target : targets) {
            PresenceView view = views.get(target.toString());
            if (view != null) {
                answers.add(payload(target, view, List.of(from.toString())));
            }
        }
        ephemeral.send(from.domain(), EnvelopeType.PRESENCE, answers);
    }

    // --- helpers ---

    private void broadcast(Address who, PresenceView view, List<String> contacts) {
        telemetry.presenceUpdate();
        Map<String, List<String>> byDomain = contacts.stream()
                .collect(
                        Collectors.groupingBy(a -> a.substring(a.indexOf('@') + 1), TreeMap::new, Collectors.toList()));
        byDomain.forEach((domain, addresses) -> send(who, view, domain, addresses));
    }

    private void send(Address who, PresenceView view, String domain, Collection<String> recipients) {
        if (domain.equals(config.domain())) {
            recipients.forEach(r -> notifications.fire(new PresencePush(r, who.toString(), view)));
            return;
        }
        ephemeral.send(domain, EnvelopeType.PRESENCE, payload(who, view, recipients));
    }

    private static JsonObject payload(Address who, PresenceView view, Collection<String> recipients) {
        JsonArrayBuilder to = JSON.createArrayBuilder();
        recipients.forEach(to::add);
        JsonObjectBuilder payload = JSON.createObjectBuilder()
                .add("from", who.toString())
                .add("show", view.show().wire());
        if (view.status() != null) {
            payload.add("status", view.status());
        }
        if (view.lastSeen() != null) {
            payload.add("lastSeen", view.lastSeen().toString());
        }
        return payload.add("to", to).build();
    }

    private void probeRemoteContacts(Address me, List<String> contacts) {
        Map<String, List<String>> byDomain = contacts.stream()
                .filter(a -> !a.endsWith("@" + config.domain()))
                .collect(
                        Collectors.groupingBy(a -> a.substring(a.indexOf('@') + 1), TreeMap::new, Collectors.toList()));
        byDomain.forEach((domain, addresses) -> {
            JsonArrayBuilder to = JSON.createArrayBuilder();
            addresses.forEach(to::add);
            ephemeral.send(
                    domain,
                    EnvelopeType.PRESENCE_PROBE,
                    JSON.createObjectBuilder()
                            .add("from", me.toString())
                            .add("to", to)
                            .build());
        });
    }

    private List<String> acceptedContacts(ClientConnection connection) {
        return ContactQueries.acceptedPeers(em, connection.caller().accountId());
    }

    /** Which of the local {@code owners} have {@code peer} as an accepted contact: one query for all of them. */
    private Set<String> acceptingOwners(List<Address> owners, Address peer) {
        return ContactQueries.acceptedPairs(
                        em,
                        owners.stream().map(Address::toString).collect(Collectors.toSet()),
                        List.of(peer.toString()))
                .stream()
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}

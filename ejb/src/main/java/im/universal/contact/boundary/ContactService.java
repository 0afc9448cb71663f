package im.universal.contact.boundary;

import static im.universal.contact.control.ContactEvent.APPROVE;
import static im.universal.contact.control.ContactEvent.APPROVED_BY_PEER;
import static im.universal.contact.control.ContactEvent.DENIED_BY_PEER;
import static im.universal.contact.control.ContactEvent.DENY;
import static im.universal.contact.control.ContactEvent.REMOVE;
import static im.universal.contact.control.ContactEvent.REMOVED_BY_PEER;
import static im.universal.contact.control.ContactEvent.REQUEST_IN;
import static im.universal.contact.control.ContactEvent.REQUEST_OUT;
import static im.universal.platform.JsonSupport.JSON;

import im.universal.account.boundary.AccountService;
import im.universal.account.entity.Account;
import im.universal.contact.control.ContactEvent;
import im.universal.contact.control.ContactQueries;
import im.universal.contact.control.ContactStateMachine;
import im.universal.contact.entity.Contact;
import im.universal.contact.entity.ContactState;
import im.universal.directory.boundary.DirectoryService;
import im.universal.federation.boundary.FederationGateway;
import im.universal.federation.control.EnvelopeType;
import im.universal.platform.Address;
import im.universal.platform.ErrorCode;
import im.universal.platform.InLists;
import im.universal.platform.IspConfig;
import im.universal.platform.UimException;
import im.universal.presence.boundary.PresenceService;
import im.universal.presence.control.PresenceView;
import im.universal.push.entity.ContactPush;
import im.universal.push.entity.ContactRequestPush;
import im.universal.push.entity.ErrorPush;
import im.universal.push.entity.Notification;
import im.universal.session.boundary.ChatSession;
import im.universal.session.control.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Contact lists: request, approve, deny, remove; locally or across ISPs. Contacts are mutual once approved. */
@Stateless
public class ContactService {
    static final String APPROVED = "approved";
    static final String DENIED = "denied";
    static final String REMOVED = "removed";

    @PersistenceContext
    EntityManager em;

    @Inject
    IspConfig config;

    @Inject
    AccountService accounts;

    @Inject
    DirectoryService directory;

    /** By {@code @EJB}: called at every connection start; Weld's proxy costs an exception per call (finding 10). */
    @EJB
    PresenceService presence;

    @Inject
    FederationGateway federation;

    @Inject
    Event<Notification> notifications;

    /**
     * The caller's contact list with names and presence: a few queries for the whole list (the rows, the local
     * peers' names and last-seen times, the others' names from the directory), not a call per contact; it is read
     * at every login.
     */
    public List<ContactView> list(Caller caller) {
        List<Contact> rows = em.createNamedQuery(Contact.OF_OWNER, Contact.class)
                .setParameter("ownerId", caller.accountId())
                .getResultList();
        List<String> peers = rows.stream().map(Contact::peerAddress).toList();
        Map<String, String> names = new HashMap<>();
        Map<String, Instant> lastSeen = new HashMap<>();
        InLists.forEachRow(
                em,
                "select a.address, a.displayName, a.lastSeen from Account a where a.address in ",
                peers.stream().filter(a -> a.endsWith("@" + config.domain())).toList(),
                row -> {
                    names.put((String) row[0], (String) row[1]);
                    lastSeen.put((String) row[0], (Instant) row[2]);
                });
        nameTheOthers(peers, names);
        Map<String, PresenceView> views = presence.viewsOf(
                rows.stream()
                        .filter(c -> c.state() == ContactState.ACCEPTED)
                        .map(Contact::peerAddress)
                        .toList(),
                lastSeen);
        return rows.stream()
                .map(c -> new ContactView(
                        c.peerAddress(),
                        names.get(c.peerAddress()),
                        c.state().wire(),
                        views.getOrDefault(c.peerAddress(), PresenceView.offline(null))))
                .toList();
    }

    /** Asks {@code peer} to become a contact (or accepts their pending request). */
    public void request(Caller caller, String rawPeer) {
        Address peer = peerOf(caller, rawPeer);
        Account me = account(caller);
        if (config.isLocal(peer)) {
            Account other = accounts.findByLocalPart(peer.local())
                    .orElseThrow(() -> new UimException(ErrorCode.UNKNOWN_USER, "No such user: " + peer));
            ContactState mine = apply(me, peer.toString(), REQUEST_OUT);
            ContactState theirs = apply(other, me.address(), REQUEST_IN);
            if (theirs == ContactState.PENDING_IN) {
                notifications.fire(new ContactRequestPush(other.address(), me.address(), me.displayName()));
            }
            if (mine == ContactState.ACCEPTED) {
                accepted(me.address(), peer);
                notifications.fire(new ContactPush(other.address(), me.address(), ContactState.ACCEPTED.wire()));
                notifications.fire(new ContactPush(me.address(), other.address(), ContactState.ACCEPTED.wire()));
            }
            return;
        }
        ContactState before = stateOf(me, peer.toString());
        ContactState mine = apply(me, peer.toString(), REQUEST_OUT);
        if (mine == ContactState.ACCEPTED && before == ContactState.PENDING_IN) {
            answer(me.address(), peer, APPROVED);
            accepted(me.address(), peer);
        } else if (mine == ContactState.PENDING_OUT) {
            federation.send(
                    peer.domain(),
                    EnvelopeType.CONTACT_REQUEST,
                    JSON.createObjectBuilder()
                            .add("from", me.address())
                            .add("to", peer.toString())
                            .add("displayName", me.displayName())
                            .build());
        }
    }

    public void approve(Caller caller, String rawPeer) {
        Address peer = Address.parse(rawPeer);
        Account me = account(caller);
        apply(me, peer.toString(), APPROVE);
        tellPeer(me, peer, APPROVED_BY_PEER, APPROVED, ContactState.ACCEPTED.wire());
        accepted(me.address(), peer);
    }

    public void deny(Caller caller, String rawPeer) {
        Address peer = Address.parse(rawPeer);
        Account me = account(caller);
        apply(me, peer.toString(), DENY);
        tellPeer(me, peer, DENIED_BY_PEER, DENIED, DENIED);
    }

    public void remove(Caller caller, String rawPeer) {
        Address peer = Address.parse(rawPeer);
        Account me = account(caller);
        apply(me, peer.toString(), REMOVE);
        tellPeer(me, peer, REMOVED_BY_PEER, REMOVED, REMOVED);
    }

    /** Opens an IM session with an accepted contact: where it is routed and whether it is there. */
    public ChatSession open(Caller caller, String rawWith) {
        Address with = Address.tryParse(rawWith);
        if (with == null) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "with must be an address");
        }
        caller.requireReach(config.isLocal(with));
        if (!isAccepted(caller.address().toString(), with.toString())) {
            throw new UimException(ErrorCode.NOT_A_CONTACT, "Not an accepted contact: " + with);
        }
        return new ChatSession(
                with.toString(), config.isLocal(with) ? "local" : "remote", presence.viewOf(with.toString()));
    }

    /** True when local user {@code owner} has {@code peer} as an accepted contact. */
    public boolean isAccepted(String owner, String peer) {
        return ContactQueries.isAccepted(em, owner, peer);
    }

    // --- from other ISPs (verified envelopes) ---

    public void remoteRequest(Address from, Address to, String displayName) {
        Optional<Account> target = accounts.findByLocalPart(to.local());
        if (target.isEmpty() || target.get().disabled()) {
            federation.send(
                    from.domain(),
                    EnvelopeType.ERROR,
                    JSON.createObjectBuilder()
                            .add("code", ErrorCode.UNKNOWN_USER.code())
                            .add("to", from.toString())
                            .add("ref", to.toString())
                            .build());
            return;
        }
        Account me = target.get();
        ContactState mine = apply(me, from.toString(), REQUEST_IN);
        if (mine == ContactState.ACCEPTED) {
            answer(me.address(), from, APPROVED);
            notifications.fire(new ContactPush(me.address(), from.toString(), ContactState.ACCEPTED.wire()));
            accepted(me.address(), from);
        } else {
            String name = displayName == null ? from.local() : displayName;
            notifications.fire(new ContactRequestPush(me.address(), from.toString(), name));
        }
    }

    public void remoteAnswer(Address from, Address to, String answer) {
        Optional<Account> target = accounts.findByLocalPart(to.local());
        if (target.isEmpty()) {
            return;
        }
        Account me = target.get();
        ContactEvent event =
                switch (answer) {
                    case APPROVED -> APPROVED_BY_PEER;
                    case DENIED -> DENIED_BY_PEER;
                    case REMOVED -> REMOVED_BY_PEER;
                    default -> null;
                };
        if (event == null) {
            return;
        }
        ContactState before = stateOf(me, from.toString());
        ContactState after = apply(me, from.toString(), event);
        if (before == after) {
            return;
        }
        String state = after == null ? answer : after.wire();
        notifications.fire(new ContactPush(me.address(), from.toString(), state));
        if (after == ContactState.ACCEPTED) {
            accepted(me.address(), from);
        }
    }

    public void remoteError(Address to, String code, String ref) {
        Optional<Account> target = accounts.findByLocalPart(to.local());
        Address about = Address.tryParse(ref);
        if (target.isEmpty() || about == null || !ErrorCode.UNKNOWN_USER.code().equals(code)) {
            return;
        }
        Account me = target.get();
        if (stateOf(me, about.toString()) == ContactState.PENDING_OUT) {
            apply(me, about.toString(), REMOVED_BY_PEER);
            notifications.fire(new ErrorPush(me.address(), code, "No such user: " + about, about.toString()));
            notifications.fire(new ContactPush(me.address(), about.toString(), REMOVED));
        }
    }

    // --- helpers ---

    private Address peerOf(Caller caller, String rawPeer) {
        Address peer = Address.parse(rawPeer);
        if (peer.equals(caller.address())) {
            throw new UimException(ErrorCode.INVALID_ADDRESS, "You cannot add yourself");
        }
        caller.requireReach(config.isLocal(peer));
        return peer;
    }

    /** Applies the peer's side of an owner's decision: locally on their row, remotely by an answer envelope. */
    private void tellPeer(Account me, Address peer, ContactEvent peerEvent, String answer, String pushState) {
        if (config.isLocal(peer)) {
            accounts.findByLocalPart(peer.local()).ifPresent(other -> {
                ContactState before = stateOf(other, me.address());
                ContactState after = apply(other, me.address(), peerEvent);
                if (before != after) {
                    notifications.fire(new ContactPush(other.address(), me.address(), pushState));
                }
            });
        } else {
            answer(me.address(), peer, answer);
        }
    }

    private void answer(String from, Address to, String answer) {
        federation.send(
                to.domain(),
                EnvelopeType.CONTACT_ANSWER,
                JSON.createObjectBuilder()
                        .add("from", from)
                        .add("to", to.toString())
                        .add("answer", answer)
                        .build());
    }

    private void accepted(String local, Address peer) {
        presence.contactAccepted(Address.parse(local), peer);
    }

    private ContactState apply(Account owner, String peer, ContactEvent event) {
        Optional<Contact> row = find(owner, peer);
        ContactState next = ContactStateMachine.next(row.map(Contact::state).orElse(null), event);
        if (next == null) {
            row.ifPresent(em::remove);
        } else if (row.isPresent()) {
            if (row.get().state() != next) {
                row.get().state(next);
            }
        } else {
            em.persist(new Contact(owner, peer, next));
        }
        em.flush();
        return next;
    }

    private ContactState stateOf(Account owner, String peer) {
        return find(owner, peer).map(Contact::state).orElse(null);
    }

    private Optional<Contact> find(Account owner, String peer) {
        return em
                .createNamedQuery(Contact.BY_OWNER_AND_PEER, Contact.class)
                .setParameter("ownerId", owner.id())
                .setParameter("peer", peer)
                .getResultList()
                .stream()
                .findFirst();
    }

    private Account account(Caller caller) {
        Account account = em.find(Account.class, caller.accountId());
        if (account == null) {
            throw new UimException(ErrorCode.UNAUTHORIZED, "Account no longer exists");
        }
        return account;
    }

    /**
     * Names the peers that {@code names} (the local peers' own names) lacks: by what the directory lists, else by
     * the local part of the address.
     */
    private void nameTheOthers(List<String> peers, Map<String, String> names) {
        List<String> unnamed = peers.stream().filter(a -> !names.containsKey(a)).toList();
        if (!unnamed.isEmpty()) {
            names.putAll(directory.displayNamesOf(unnamed));
        }
        for (String peer : peers) {
            names.computeIfAbsent(peer, a -> a.substring(0, a.indexOf('@')));
        }
    }
}

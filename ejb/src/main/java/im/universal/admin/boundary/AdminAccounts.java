package im.universal.admin.boundary;

import static im.universal.platform.JsonSupport.JSON;

import im.universal.account.boundary.AccountService;
import im.universal.account.boundary.AccountView;
import im.universal.account.control.PasswordHasher;
import im.universal.account.control.RegistrationPolicy;
import im.universal.account.entity.Account;
import im.universal.admin.boundary.Views.AccountSummary;
import im.universal.admin.boundary.Views.PasswordReset;
import im.universal.admin.control.AuditLog;
import im.universal.admin.control.Disconnect;
import im.universal.admin.control.TemporaryPassword;
import im.universal.contact.boundary.ContactService;
import im.universal.contact.entity.Contact;
import im.universal.federation.boundary.FederationGateway;
import im.universal.federation.control.EnvelopeType;
import im.universal.platform.Address;
import im.universal.platform.ErrorCode;
import im.universal.platform.IspConfig;
import im.universal.platform.UimException;
import im.universal.push.control.ConnectionRegistry;
import im.universal.push.entity.ContactPush;
import im.universal.push.entity.Notification;
import im.universal.session.control.Caller;
import im.universal.session.entity.Mode;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Accounts as operators manage them: search, create, disable/enable, reset password, delete. Each change audited. */
@Stateless
public class AdminAccounts {
    public static final int MAX_LIMIT = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    IspConfig config;

    @Inject
    AccountService accounts;

    @Inject
    ContactService contacts;

    @Inject
    FederationGateway federation;

    @Inject
    ConnectionRegistry connections;

    @Inject
    AuditLog audit;

    @Inject
    Event<Disconnect> disconnects;

    @Inject
    Event<Notification> notifications;

    /** Accounts whose address or display name contains {@code q} (all when blank), by address. */
    public List<AccountSummary> search(String q, int limit) {
        String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        if (text.length() > 100) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "query too long");
        }
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return em
                .createQuery(
                        "select a from Account a where lower(a.address) like :p escape '\\'"
                                + " or lower(a.displayName) like :p escape '\\' order by a.address",
                        Account.class)
                .setParameter("p", pattern)
                .setMaxResults(Math.max(1, Math.min(limit, MAX_LIMIT)))
                .getResultList()
                .stream()
                .map(this::summary)
                .toList();
    }

    public AccountSummary get(String address) {
        return summary(find(address));
    }

    public AccountSummary create(
            String actor, String username, String password, String displayName, Boolean listed, String remote) {
        AccountView created = accounts.register(username, password, displayName, listed, remote);
        audit.record(actor, "account.create", created.address(), null);
        return get(created.address());
    }

    /** Disables (their sockets closed with 1008, their tokens revoked) or enables an account. */
    public AccountSummary setDisabled(String actor, String address, boolean disabled) {
        Account account = find(address);
        if (account.disabled() != disabled) {
            account.disabled(disabled);
            if (disabled) {
                revokeSessions(account, "account disabled by an operator");
            }
            audit.record(actor, disabled ? "account.disable" : "account.enable", account.address(), null);
        }
        return summary(account);
    }

    /**
     * Sets a new password (a random one when {@code password} is null, returned once) and revokes every session.
     */
    public PasswordReset resetPassword(String actor, String address, String password) {
        Account account = find(address);
        boolean generated = password == null || password.isEmpty();
        String fresh = generated ? TemporaryPassword.generate() : password;
        RegistrationPolicy.password(fresh);
        account.passwordHash(new PasswordHasher(config.passwordIterations()).hash(fresh));
        revokeSessions(account, "password reset by an operator");
        audit.record(actor, "account.reset-password", account.address(), generated ? "generated" : "set");
        return new PasswordReset(account.address(), generated ? fresh : null);
    }

    /**
     * Deletes the account with its sessions, contacts and messages; its contacts are told {@code removed} and the
     * other ISPs get {@code directory.removed}.
     */
    public void delete(String actor, String address) {
        Account account = find(address);
        String own = account.address();
        Caller asOwner = new Caller(0, account.id(), Address.parse(own), Mode.UNIVERSAL, "admin");
        List<String> peers = em
                .createNamedQuery(Contact.OF_OWNER, Contact.class)
                .setParameter("ownerId", account.id())
                .getResultList()
                .stream()
                .map(Contact::peerAddress)
                .toList();
        for (String peer : peers) {
            contacts.remove(asOwner, peer);
        }
        List<Contact> oneSided = em.createQuery(
                        "select c from Contact c join fetch c.owner where c.peerAddress = :a", Contact.class)
                .setParameter("a", own)
                .getResultList();
        for (Contact row : oneSided) {
            notifications.fire(new ContactPush(row.owner().address(), own, "removed"));
            em.remove(row);
        }
        em.flush();
        em.createQuery("delete from Message m where m.sender = :a or m.recipient = :a")
                .setParameter("a", own)
                .executeUpdate();
        em.createQuery("delete from DirectoryEntry d where d.address = :a")
                .setParameter("a", own)
                .executeUpdate();
        em.createQuery("delete from LoginSession s where s.account.id = :id")
                .setParameter("id", account.id())
                .executeUpdate();
        em.createQuery("delete from Contact c where c.owner.id = :id")
                .setParameter("id", account.id())
                .executeUpdate();
        em.remove(account);
        federation.broadcast(
                EnvelopeType.DIRECTORY_REMOVED,
                JSON.createObjectBuilder().add("address", own).build());
        audit.record(actor, "account.delete", own, peers.size() + " contact(s) told removed");
        disconnects.fire(new Disconnect(own, null, Disconnect.POLICY_VIOLATION, "account deleted by an operator"));
    }

    private void revokeSessions(Account account, String reason) {
        em.createQuery("update LoginSession s set s.endedAt = :now where s.account.id = :id and s.endedAt is null")
                .setParameter("now", Instant.now())
                .setParameter("id", account.id())
                .executeUpdate();
        disconnects.fire(new Disconnect(account.address(), null, Disconnect.POLICY_VIOLATION, reason));
    }

    private Account find(String address) {
        Address parsed = address == null ? null : Address.tryParse(address.strip());
        return (parsed == null ? java.util.Optional.<Account>empty() : accounts.findLocal(parsed.toString()))
                .orElseThrow(() -> new UimException(ErrorCode.NOT_FOUND, "No account " + address + " on this ISP"));
    }

    private AccountSummary summary(Account a) {
        return new AccountSummary(
                a.address(),
                a.displayName(),
                a.listed(),
                a.disabled(),
                a.createdAt(),
                a.lastSeen(),
                connections.isOnline(a.address()),
                connections.connections(a.address()).size());
    }
}

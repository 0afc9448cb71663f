package im.universal.account.boundary;

import im.universal.account.control.PasswordHasher;
import im.universal.account.control.RegistrationPolicy;
import im.universal.account.control.RegistrationThrottle;
import im.universal.account.entity.Account;
import im.universal.directory.boundary.DirectoryService;
import im.universal.platform.ErrorCode;
import im.universal.platform.IspConfig;
import im.universal.platform.UimException;
import im.universal.session.control.Caller;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Optional;

/** Registration and account look-ups. */
@Stateless
public class AccountService {

    @PersistenceContext
    EntityManager em;

    @Inject
    IspConfig config;

    @Inject
    DirectoryService directory;

    @Inject
    Event<AccountRegistered> registered;

    @Inject
    Event<ProfileChanged> profileChanged;

    @Inject
    RegistrationThrottle throttle;

    public AccountView register(
            String username, String password, String displayName, Boolean listed, String remoteAddress) {
        throttle.acquire(remoteAddress);
        String local = RegistrationPolicy.username(username);
        RegistrationPolicy.password(password);
        String name = RegistrationPolicy.displayName(displayName, local);
        boolean isListed = listed == null || listed;
        if (findByLocalPart(local).isPresent()) {
            throw new UimException(ErrorCode.USERNAME_TAKEN, "That username is taken");
        }
        String hash = new PasswordHasher(config.passwordIterations()).hash(password);
        Account account = new Account(local, config.domain(), name, hash, isListed);
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException raceLost) {
            throw new UimException(ErrorCode.USERNAME_TAKEN, "That username is taken");
        }
        if (isListed) {
            directory.addLocal(account);
        }
        registered.fire(new AccountRegistered(account.address(), name, isListed));
        return new AccountView(account.address(), name, isListed);
    }

    /** The caller's own profile. */
    public AccountView profile(Caller caller) {
        Account account = own(caller);
        return new AccountView(account.address(), account.displayName(), account.listed());
    }

    /**
     * Changes the caller's display name and/or listing (a {@code null} leaves the value as it is). The directory
     * follows in the same transaction, and the other ISPs learn it through {@link ProfileChanged}.
     */
    public AccountView updateProfile(Caller caller, String displayName, Boolean listed) {
        Account account = own(caller);
        String name = displayName == null
                ? account.displayName()
                : RegistrationPolicy.displayName(displayName, account.localPart());
        boolean wasListed = account.listed();
        boolean isListed = listed == null ? wasListed : listed;
        if (!name.equals(account.displayName()) || isListed != wasListed) {
            account.displayName(name);
            account.listed(isListed);
            directory.updateLocal(account);
            profileChanged.fire(new ProfileChanged(account.address(), name, wasListed, isListed));
        }
        return new AccountView(account.address(), name, isListed);
    }

    private Account own(Caller caller) {
        Account account = em.find(Account.class, caller.accountId());
        if (account == null) {
            throw new UimException(ErrorCode.UNAUTHORIZED, "Session no longer valid");
        }
        return account;
    }

    public Optional<Account> findByLocalPart(String local) {
        return em
                .createNamedQuery(Account.BY_LOCAL_PART, Account.class)
                .setParameter("localPart", local)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** The local account behind an address of this ISP. */
    public Optional<Account> findLocal(String address) {
        int at = address.indexOf('@');
        if (at < 0 || !address.substring(at + 1).equals(config.domain())) {
            return Optional.empty();
        }
        return findByLocalPart(address.substring(0, at));
    }
}

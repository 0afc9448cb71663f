package im.universal.admin.boundary;

import im.universal.account.control.PasswordHasher;
import im.universal.admin.control.BootstrapPolicy;
import im.universal.admin.entity.Operator;
import im.universal.platform.IspConfig;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Operators: credential checks for the console's identity store, and the first operator from configuration. */
@Stateless
public class OperatorService {
    /** Verified when the operator does not exist, so the response time does not tell. */
    private static volatile String decoyHash;

    @PersistenceContext
    EntityManager em;

    @Inject
    IspConfig config;

    /** True when {@code password} is the operator's; records the login time. */
    public boolean verify(String username, String password) {
        if (username == null || password == null) {
            return false;
        }
        PasswordHasher hasher = new PasswordHasher(config.passwordIterations());
        Optional<Operator> found = Optional.ofNullable(em.find(Operator.class, BootstrapPolicy.normalise(username)));
        if (found.isEmpty()) {
            hasher.verify(password, decoy(hasher));
            return false;
        }
        Operator operator = found.get();
        if (!hasher.verify(password, operator.passwordHash())) {
            return false;
        }
        if (hasher.needsRehash(operator.passwordHash())) {
            operator.passwordHash(hasher.hash(password));
        }
        operator.loggedIn(Instant.now());
        return true;
    }

    public long count() {
        return em.createQuery("select count(o) from Operator o", Long.class).getSingleResult();
    }

    /** Creates the configured first operator when the table is empty; says what it did. */
    public BootstrapPolicy.Outcome bootstrap(String username, String password) {
        BootstrapPolicy.Outcome outcome = BootstrapPolicy.decide(count(), username, password);
        if (outcome == BootstrapPolicy.Outcome.CREATE) {
            String hash = new PasswordHasher(config.passwordIterations()).hash(password);
            em.persist(new Operator(BootstrapPolicy.normalise(username), hash));
        }
        return outcome;
    }

    private static String decoy(PasswordHasher hasher) {
        if (decoyHash == null) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            decoyHash = hasher.hash(Base64.getEncoder().encodeToString(random));
        }
        return decoyHash;
    }
}

package im.universal.account.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse");
        assertTrue(hasher.verify("correct horse", hash));
        assertFalse(hasher.verify("correct horsE", hash));
        assertFalse(hasher.verify("", hash));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash("same password"), hasher.hash("same password"));
    }

    @Test
    void storesItsParametersAndAsksForRehashWhenTheyRise() {
        String hash = hasher.hash("password1");
        assertTrue(hash.startsWith("pbkdf2-sha256$1000$"));
        assertFalse(hasher.needsRehash(hash));
        PasswordHasher stronger = new PasswordHasher(2_000);
        assertTrue(stronger.needsRehash(hash));
        assertTrue(stronger.verify("password1", hash), "old hashes still verify after the parameters rise");
    }

    @Test
    void rejectsMalformedHashesWithoutThrowing() {
        assertFalse(hasher.verify("password1", null));
        assertFalse(hasher.verify("password1", "plain"));
        assertFalse(hasher.verify("password1", "pbkdf2-sha256$x$y$z"));
        assertFalse(hasher.verify("password1", "pbkdf2-sha256$0$AAAA$AAAA"));
    }

    @Test
    void defaultParametersAreOwaspGrade() {
        assertTrue(im.universal.platform.IspConfig.DEFAULT_PASSWORD_ITERATIONS >= 600_000);
    }
}

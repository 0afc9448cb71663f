package im.universal.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.universal.account.control.RegistrationPolicy;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemporaryPasswordTest {

    @Test
    void isLongRandomAndAcceptedByThePasswordPolicy() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String password = TemporaryPassword.generate();
            assertEquals(TemporaryPassword.LENGTH, password.length());
            assertTrue(password.chars().allMatch(c -> TemporaryPassword.ALPHABET.indexOf(c) >= 0));
            RegistrationPolicy.password(password);
            seen.add(password);
        }
        assertEquals(200, seen.size());
    }
}

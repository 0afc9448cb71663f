package im.universal.web.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsrfFilterTest {

    @Test
    void tokensAreRandomAndComparedExactly() {
        String token = CsrfFilter.newToken();
        assertNotEquals(token, CsrfFilter.newToken());
        assertTrue(token.length() >= 43);
        assertTrue(CsrfFilter.matches(token, token));
        assertFalse(CsrfFilter.matches(token, null));
        assertFalse(CsrfFilter.matches(token, token.substring(1)));
        assertFalse(CsrfFilter.matches(token, ""));
    }

    @Test
    void onlyAdminPathsAreHandledByTheMechanism() {
        assertTrue(OperatorAuthentication.isAdmin("/admin"));
        assertTrue(OperatorAuthentication.isAdmin("/admin/index.html"));
        assertTrue(OperatorAuthentication.isAdmin("/api/admin/v1/overview"));
        assertFalse(OperatorAuthentication.isAdmin("/api/v1/sessions"));
        assertFalse(OperatorAuthentication.isAdmin("/administrator"));
        assertFalse(OperatorAuthentication.isAdmin("/ws/v1"));
    }
}

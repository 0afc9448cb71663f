package im.universal.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SessionCookiesTest {

    @Test
    void addsSameSiteStrictOnceAndKeepsTheRest() {
        assertEquals(
                "JSESSIONID=abc; Path=/; HttpOnly; SameSite=Strict",
                SessionCookies.withStrict("JSESSIONID=abc; Path=/; HttpOnly", false));
        assertEquals(
                "JSESSIONID=abc; Path=/; HttpOnly; SameSite=Strict",
                SessionCookies.withStrict("JSESSIONID=abc; Path=/;SameSite=Lax; HttpOnly", false));
        assertEquals(
                "JSESSIONID=abc; Path=/; HttpOnly; Secure; SameSite=Strict",
                SessionCookies.withStrict("JSESSIONID=abc; Path=/", true));
    }
}

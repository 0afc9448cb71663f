package im.universal.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Adds {@code SameSite=Strict} to the session cookie the login just created. Payara Micro 6 ignores the
 * {@code <attribute>} of web.xml's cookie-config (seen: the cookie came without it), and the console's session
 * is only ever created at login, so its response is the one place to fix it.
 */
final class SessionCookies {
    private SessionCookies() {}

    static void strict(HttpServletRequest request, HttpServletResponse response) {
        String name = request.getServletContext().getSessionCookieConfig().getName();
        String prefix = (name == null ? "JSESSIONID" : name) + "=";
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        if (cookies.isEmpty()) {
            return;
        }
        boolean first = true;
        for (String cookie : cookies) {
            String fixed = cookie.startsWith(prefix) ? withStrict(cookie, request.isSecure()) : cookie;
            if (first) {
                response.setHeader("Set-Cookie", fixed);
                first = false;
            } else {
                response.addHeader("Set-Cookie", fixed);
            }
        }
    }

    static String withStrict(String cookie, boolean secure) {
        String lower = cookie.toLowerCase(Locale.ROOT);
        StringBuilder fixed = new StringBuilder(cookie.replaceAll("(?i);\\s*SameSite=[^;]*", ""));
        if (!lower.contains("httponly")) {
            fixed.append("; HttpOnly");
        }
        if (secure && !lower.contains("secure")) {
            fixed.append("; Secure");
        }
        return fixed.append("; SameSite=Strict").toString();
    }
}

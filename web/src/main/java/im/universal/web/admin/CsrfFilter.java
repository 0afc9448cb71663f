package im.universal.web.admin;

import im.universal.web.json.Views;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * CSRF protection of the admin API: every state-changing call (anything but GET/HEAD/OPTIONS, login excepted)
 * must carry header {@value #HEADER} equal to the token bound to the operator's session, and, when the browser
 * sends an Origin, come from this host. The session cookie is SameSite=Strict as well; this is the second wall.
 */
@WebFilter("/api/admin/*")
public class CsrfFilter extends HttpFilter {
    public static final String HEADER = "X-CSRF-Token";
    static final String LOGIN = "/api/admin/v1/login";
    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (SAFE.contains(request.getMethod()) || path.equals(LOGIN)) {
            chain.doFilter(request, response);
            return;
        }
        if (!sameOrigin(request)) {
            refuse(response, "Cross-origin request refused");
            return;
        }
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(OperatorAuthentication.CSRF);
        if (!(expected instanceof String token) || !matches(token, request.getHeader(HEADER))) {
            refuse(response, "Missing or wrong " + HEADER + " header");
            return;
        }
        chain.doFilter(request, response);
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean matches(String expected, String given) {
        return given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** No Origin header (non-browser clients) passes; a browser's Origin must name this host. */
    static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = request.getHeader("Host");
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(403);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(Views.error("forbidden", message).toString());
    }
}

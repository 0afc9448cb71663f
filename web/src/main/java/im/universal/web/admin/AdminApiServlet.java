package im.universal.web.admin;

import static im.universal.platform.JsonSupport.JSON;

import im.universal.admin.boundary.AdminAccounts;
import im.universal.admin.boundary.AdminFederation;
import im.universal.admin.boundary.AdminOverview;
import im.universal.admin.boundary.AdminSessions;
import im.universal.admin.boundary.AuditTrail;
import im.universal.admin.boundary.OperatorService;
import im.universal.platform.ErrorCode;
import im.universal.platform.IspConfig;
import im.universal.platform.RetryLaterException;
import im.universal.platform.UimException;
import im.universal.session.control.LoginThrottle;
import im.universal.web.json.JsonInput;
import im.universal.web.json.Views;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin JSON API, {@code /api/admin/v1/...} (docs/operations.md). A transport only: decodes, calls an admin
 * boundary, encodes. Access is decided before it runs: web.xml lets only role {@code operator} in (login and
 * status excepted), {@link CsrfFilter} checks state-changing calls. Errors have the public protocol's shape.
 *
 * <p>A servlet rather than a second JAX-RS application: the public {@code ApiApplication} registers every scanned
 * resource class, so admin resources would also answer under {@code /api/v1} (and collide with its paths).
 */
@WebServlet("/api/admin/v1/*")
public class AdminApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AdminApiServlet.class.getName());
    private static final int MAX_BODY = 16 * 1024;
    private static final Pattern ACCOUNT = Pattern.compile("/accounts/([^/]+)(/(disable|enable|reset-password))?");
    private static final Pattern SESSION = Pattern.compile("/sessions/(\\d{1,18})");
    private static final Pattern BLOCKED = Pattern.compile("/blocked-domains/([^/]+)");
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Inject
    transient SecurityContext security;

    @Inject
    transient OperatorService operators;

    @Inject
    transient AdminOverview overview;

    @Inject
    transient AdminAccounts accounts;

    @Inject
    transient AdminSessions sessions;

    @Inject
    transient AdminFederation federation;

    @Inject
    transient AuditTrail audit;

    @Inject
    transient LoginThrottle throttle;

    @Inject
    transient IspConfig config;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        try {
            Object answer = route(request, response, request.getMethod(), path);
            if (answer == null) {
                response.setStatus(204);
            } else {
                write(response, 200, answer instanceof JsonObject json ? json.toString() : JSONB.toJson(answer));
            }
        } catch (RuntimeException failure) {
            fail(response, failure);
        }
    }

    private Object route(HttpServletRequest request, HttpServletResponse response, String method, String path)
            throws IOException, ServletException {
        String actor = request.getUserPrincipal() == null
                ? null
                : request.getUserPrincipal().getName();
        Matcher m;
        switch (method + " " + path) {
            case "GET /status":
                return status(request);
            case "POST /login":
                return login(request, response);
            case "POST /logout":
                request.logout();
                invalidate(request);
                return null;
            case "GET /me":
                return status(request);
            case "GET /overview":
                return overview.overview();
            case "GET /accounts":
                return accounts.search(request.getParameter("q"), intParam(request, "limit", 50));
            case "POST /accounts": {
                JsonObject body = body(request);
                response.setStatus(201);
                return accounts.create(
                        actor,
                        JsonInput.requiredString(body, "username"),
                        JsonInput.requiredString(body, "password"),
                        JsonInput.string(body, "displayName"),
                        JsonInput.bool(body, "listed"),
                        request.getRemoteAddr());
            }
            case "GET /sessions":
                return sessions.live(request.getParameter("q"), intParam(request, "limit", 200));
            case "GET /federation":
                return federation.report();
            case "GET /blocked-domains":
                return federation.blocked();
            case "POST /blocked-domains": {
                JsonObject body = body(request);
                return federation.block(
                        actor, JsonInput.requiredString(body, "domain"), JsonInput.string(body, "reason"));
            }
            case "GET /audit":
                return audit.recent(intParam(request, "limit", 100));
            default:
                break;
        }
        if ((m = ACCOUNT.matcher(path)).matches()) {
            String address = decode(m.group(1));
            String action = m.group(3);
            if (action == null) {
                return switch (method) {
                    case "GET" -> accounts.get(address);
                    case "DELETE" -> {
                        accounts.delete(actor, address);
                        yield null;
                    }
                    default -> throw notAllowed();
                };
            }
            if (!"POST".equals(method)) {
                throw notAllowed();
            }
            return switch (action) {
                case "disable" -> accounts.setDisabled(actor, address, true);
                case "enable" -> accounts.setDisabled(actor, address, false);
                default -> accounts.resetPassword(actor, address, optionalBody(request, "password"));
            };
        }
        if ((m = SESSION.matcher(path)).matches()) {
            if (!"DELETE".equals(method)) {
                throw notAllowed();
            }
            sessions.kick(actor, Long.parseLong(m.group(1)));
            return null;
        }
        if ((m = BLOCKED.matcher(path)).matches()) {
            if (!"DELETE".equals(method)) {
                throw notAllowed();
            }
            federation.unblock(actor, decode(m.group(1)));
            return null;
        }
        throw new UimException(ErrorCode.NOT_FOUND, "No such admin resource: " + path);
    }

    private JsonObject status(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object operator = session == null ? null : session.getAttribute(OperatorAuthentication.OPERATOR);
        Object csrf = session == null ? null : session.getAttribute(OperatorAuthentication.CSRF);
        var json = JSON.createObjectBuilder().add("domain", config.domain()).add("configured", operators.count() > 0);
        Views.nullable(json, "operator", operator);
        Views.nullable(json, "csrfToken", operator == null ? null : csrf);
        return json.build();
    }

    private JsonObject login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject body = body(request);
        String user = JsonInput.requiredString(body, "username");
        String password = JsonInput.requiredString(body, "password");
        if (operators.count() == 0) {
            throw new UimException(
                    ErrorCode.UNAVAILABLE,
                    "The admin console is not configured: set UIM_ADMIN_USER and UIM_ADMIN_PASSWORD and restart");
        }
        String key = "operator:" + user.strip().toLowerCase(java.util.Locale.ROOT);
        throttle.check(key, request.getRemoteAddr());
        AuthenticationStatus outcome = security.authenticate(
                request,
                response,
                AuthenticationParameters.withParams()
                        .newAuthentication(true)
                        .credential(new UsernamePasswordCredential(user, new Password(password))));
        if (outcome != AuthenticationStatus.SUCCESS) {
            throttle.failed(key, request.getRemoteAddr());
            throw new UimException(ErrorCode.INVALID_CREDENTIALS, "Wrong operator name or password");
        }
        SessionCookies.strict(request, response);
        return status(request);
    }

    private static void invalidate(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private static JsonObject body(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new UimException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
        }
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[2048];
        try (Reader reader = request.getReader()) {
            int n;
            while ((n = reader.read(buffer)) > 0) {
                text.append(buffer, 0, n);
                if (text.length() > MAX_BODY) {
                    throw new UimException(ErrorCode.TOO_LARGE, "Request body too large");
                }
            }
        }
        return JsonInput.object(text.toString());
    }

    private static String optionalBody(HttpServletRequest request, String field) throws IOException {
        if (request.getContentLength() == 0 || request.getContentType() == null) {
            return null;
        }
        return JsonInput.string(body(request), field);
    }

    private static int intParam(HttpServletRequest request, String name, int fallback) {
        String raw = request.getParameter(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw JsonInput.invalid(name + " must be a number");
        }
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    private static UimException notAllowed() {
        return new UimException(ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed");
    }

    private static void fail(HttpServletResponse response, RuntimeException failure) throws IOException {
        Throwable cause = failure;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RetryLaterException retry) {
            response.setHeader("Retry-After", Long.toString(retry.retryAfterSeconds()));
        }
        if (cause instanceof UimException uim) {
            write(response, uim.code().httpStatus(), error(uim.code().code(), uim.getMessage()));
            return;
        }
        LOG.log(Level.SEVERE, "Admin API call failed", failure);
        write(response, 500, error(ErrorCode.INTERNAL_ERROR.code(), "Internal server error"));
    }

    private static String error(String code, String message) {
        return Views.error(code, message).toString();
    }

    private static void write(HttpServletResponse response, int status, String json) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status == 200 && response.getStatus() == 201 ? 201 : status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(json);
    }
}

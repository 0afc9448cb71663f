package im.universal.web.admin;

import im.universal.platform.UimException;
import im.universal.session.boundary.SessionService;
import im.universal.session.control.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Set;

/**
 * The console's Jakarta Security mechanism. An operator logs in once ({@code POST /api/admin/v1/login} calls
 * {@code SecurityContext.authenticate}); the HTTP session (cookie HttpOnly, SameSite=Strict) then carries the
 * operator, and a fresh CSRF token is bound to it. A bearer token of an IM user on an admin URL authenticates that
 * user without the operator role, so the container answers 403; no credentials at all answer 401 on the API and a
 * redirect to the login page on console pages. Every other URL of the application is left alone.
 */
@ApplicationScoped
public class OperatorAuthentication implements HttpAuthenticationMechanism {
    static final String OPERATOR = "uim.admin.operator";
    static final String CSRF = "uim.admin.csrf";
    static final String LOGIN_PAGE = "/admin/login.html";
    private static final String BEARER = "Bearer ";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    SessionService sessions;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!isAdmin(path)) {
            return context.doNothing();
        }
        Credential credential = context.getAuthParameters() == null
                ? null
                : context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            return login(request, context, credential);
        }
        HttpSession session = request.getSession(false);
        Object operator = session == null ? null : session.getAttribute(OPERATOR);
        if (operator instanceof String name) {
            return context.notifyContainerAboutLogin(name, Set.of(OperatorIdentityStore.ROLE));
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            try {
                Caller caller =
                        sessions.authenticate(header.substring(BEARER.length()).strip());
                return context.notifyContainerAboutLogin(caller.address().toString(), Set.of());
            } catch (UimException e) {
                return context.isProtected() ? context.responseUnauthorized() : context.doNothing();
            }
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (path.startsWith("/api/")) {
            return context.responseUnauthorized();
        }
        return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(OPERATOR, result.getCallerPrincipal().getName());
        session.setAttribute(CSRF, CsrfFilter.newToken());
        return context.notifyContainerAboutLogin(result);
    }

    static boolean isAdmin(String path) {
        return path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/admin/");
    }
}

package im.universal.web.rest;

import im.universal.session.boundary.SessionService;
import im.universal.session.control.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

/** Resolves {@code Authorization: Bearer <token>} to the caller, or {@code unauthorized}. */
@ApplicationScoped
public class RequestAuth {
    private static final String BEARER = "Bearer ";

    @Inject
    SessionService sessions;

    public Caller caller(HttpHeaders headers) {
        String header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip()
                : null;
        return sessions.authenticate(token);
    }
}

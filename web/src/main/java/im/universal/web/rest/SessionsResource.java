package im.universal.web.rest;

import static im.universal.platform.JsonSupport.JSON;

import im.universal.session.boundary.LoginResult;
import im.universal.session.boundary.SessionService;
import im.universal.web.json.JsonInput;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /api/v1/sessions} (login) and {@code DELETE /api/v1/sessions/current} (logout). */
@Path("sessions")
public class SessionsResource {

    @Inject
    SessionService sessions;

    @Inject
    RequestAuth auth;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(String body, @Context HttpServletRequest request) {
        JsonObject json = JsonInput.object(body);
        LoginResult result = sessions.login(
                JsonInput.requiredString(json, "username"),
                JsonInput.requiredString(json, "password"),
                JsonInput.string(json, "mode"),
                JsonInput.string(json, "device"),
                request.getRemoteAddr());
        return Responses.json(
                201,
                JSON.createObjectBuilder()
                        .add("token", result.token())
                        .add("address", result.address())
                        .add("mode", result.mode())
                        .add("expiresAt", result.expiresAt().toString())
                        .build());
    }

    @DELETE
    @Path("current")
    public Response logout(@Context HttpHeaders headers) {
        sessions.logout(auth.caller(headers));
        return Response.noContent().build();
    }
}

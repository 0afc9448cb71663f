package im.universal.web.rest;

import static im.universal.platform.JsonSupport.JSON;

import im.universal.account.boundary.AccountService;
import im.universal.account.boundary.AccountView;
import im.universal.web.json.JsonInput;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/v1/accounts}: registration; {@code GET /api/v1/accounts/me} and {@code PATCH
 * /api/v1/accounts/me}: the caller's own profile (display name, listing).
 */
@Path("accounts")
public class AccountsResource {

    @Inject
    AccountService accounts;

    @Inject
    RequestAuth auth;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(String body, @Context HttpServletRequest request) {
        JsonObject json = JsonInput.object(body);
        AccountView view = accounts.register(
                JsonInput.requiredString(json, "username"),
                JsonInput.requiredString(json, "password"),
                JsonInput.string(json, "displayName"),
                JsonInput.bool(json, "listed"),
                request.getRemoteAddr());
        return Responses.json(201, json(view));
    }

    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    public Response profile(@Context HttpHeaders headers) {
        return Responses.json(200, json(accounts.profile(auth.caller(headers))));
    }

    @PATCH
    @Path("me")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Produces(MediaType.APPLICATION_JSON)
    public Response updateProfile(String body, @Context HttpHeaders headers) {
        var caller = auth.caller(headers);
        JsonObject json = JsonInput.object(body);
        AccountView view =
                accounts.updateProfile(caller, JsonInput.string(json, "displayName"), JsonInput.bool(json, "listed"));
        return Responses.json(200, json(view));
    }

    private static JsonObject json(AccountView view) {
        return JSON.createObjectBuilder()
                .add("address", view.address())
                .add("displayName", view.displayName())
                .add("listed", view.listed())
                .build();
    }
}

package im.universal.web.rest;

import im.universal.account.boundary.AccountService;
import im.universal.account.boundary.AccountView;
import im.universal.web.json.JsonInput;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /api/v1/accounts}: registration. */
@Path("accounts")
public class AccountsResource {

    @Inject
    AccountService accounts;

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
        return Responses.json(
                201,
                Json.createObjectBuilder()
                        .add("address", view.address())
                        .add("displayName", view.displayName())
                        .add("listed", view.listed())
                        .build());
    }
}

package im.universal.web.rest;

import static im.universal.platform.JsonSupport.JSON;

import im.universal.message.boundary.MessageHistory;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/v1/conversations/{address}/messages?before=&limit=}: history, oldest first. */
@Path("conversations")
public class ConversationsResource {

    @Inject
    MessageHistory history;

    @Inject
    RequestAuth auth;

    @GET
    @Path("{address}/messages")
    @Produces(MediaType.APPLICATION_JSON)
    public Response history(
            @PathParam("address") String address,
            @QueryParam("before") String before,
            @QueryParam("limit") String limit,
            @Context HttpHeaders headers) {
        JsonArrayBuilder page = JSON.createArrayBuilder();
        history.page(auth.caller(headers), address, before, Params.optionalInt(limit, "limit"))
                .forEach(m -> page.add(JSON.createObjectBuilder()
                        .add("id", m.id())
                        .add("from", m.from())
                        .add("to", m.to())
                        .add("body", m.body())
                        .add("sentAt", m.sentAt().toString())
                        .add("status", m.status())));
        return Responses.json(
                200, JSON.createObjectBuilder().add("messages", page).build());
    }
}

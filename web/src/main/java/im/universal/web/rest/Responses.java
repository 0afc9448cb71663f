package im.universal.web.rest;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** JSON responses with an explicit UTF-8 content type. */
final class Responses {
    static final String JSON = MediaType.APPLICATION_JSON + ";charset=UTF-8";

    private Responses() {}

    static Response json(int status, JsonObject body) {
        return Response.status(status).type(JSON).entity(body.toString()).build();
    }
}

package im.universal.web.rest;

import static im.universal.platform.JsonSupport.JSON;

import im.universal.directory.boundary.DirectoryPage;
import im.universal.directory.boundary.DirectoryService;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/v1/directory?q=&limit=}. */
@Path("directory")
public class DirectoryResource {

    @Inject
    DirectoryService directory;

    @Inject
    RequestAuth auth;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response search(@QueryParam("q") String q, @QueryParam("limit") String limit, @Context HttpHeaders headers) {
        JsonArrayBuilder entries = JSON.createArrayBuilder();
        DirectoryPage page = directory.search(auth.caller(headers), q, Params.optionalInt(limit, "limit"));
        page.entries()
                .forEach(e -> entries.add(JSON.createObjectBuilder()
                        .add("address", e.address())
                        .add("displayName", e.displayName())
                        .add("domain", e.domain())
                        .add("local", e.local())));
        return Responses.json(
                200,
                JSON.createObjectBuilder()
                        .add("entries", entries)
                        .add("total", page.total())
                        .build());
    }
}

package im.universal.web.rest;

import static im.universal.platform.JsonSupport.JSON;

import im.universal.contact.boundary.ContactService;
import im.universal.web.json.Views;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The caller's contact list. {@code {address}} may be written with {@code @} or {@code %40}. */
@Path("contacts")
public class ContactsResource {

    @Inject
    ContactService contacts;

    @Inject
    RequestAuth auth;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@Context HttpHeaders headers) {
        return Responses.json(
                200,
                JSON.createObjectBuilder()
                        .add("contacts", Views.contacts(contacts.list(auth.caller(headers))))
                        .build());
    }

    @PUT
    @Path("{address}")
    public Response request(@PathParam("address") String address, @Context HttpHeaders headers) {
        contacts.request(auth.caller(headers), address);
        return Response.accepted().build();
    }

    @POST
    @Path("{address}/approve")
    public Response approve(@PathParam("address") String address, @Context HttpHeaders headers) {
        contacts.approve(auth.caller(headers), address);
        return Response.noContent().build();
    }

    @POST
    @Path("{address}/deny")
    public Response deny(@PathParam("address") String address, @Context HttpHeaders headers) {
        contacts.deny(auth.caller(headers), address);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{address}")
    public Response remove(@PathParam("address") String address, @Context HttpHeaders headers) {
        contacts.remove(auth.caller(headers), address);
        return Response.noContent().build();
    }
}

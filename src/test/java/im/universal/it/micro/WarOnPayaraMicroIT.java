package im.universal.it.micro;

import static im.universal.it.support.Fixtures.LOCAL;
import static im.universal.it.support.Fixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import im.universal.it.support.ApiClient;
import im.universal.it.support.Await;
import im.universal.it.support.Fixtures;
import im.universal.it.support.Frames;
import im.universal.it.support.Json;
import im.universal.it.support.Repo;
import im.universal.it.support.WsClient;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built WAR (web/target/uim.war) on Payara Micro with the resource adapter, against an in-process broker:
 * one ISP (alpha.test), two users, a contact request and a message over REST and WebSocket.
 */
@Order(1) // before the system tests, so this Payara is gone before theirs start
@ExtendWith({EmbeddedBrokerExtension.class, ArquillianExtension.class})
@RunAsClient
class WarOnPayaraMicroIT {

    private static final String ALICE = "alice@alpha.test";
    private static final String CAROL = "carol@alpha.test";

    @Deployment(testable = false)
    static WebArchive deployment() {
        File war = Repo.resolve("web/target/uim.war").toFile();
        if (!war.isFile()) {
            throw new IllegalStateException(war + " not built: run ./mvnw -pl web -am package first");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    @ArquillianResource
    URL base;

    private WsClient aliceSocket;
    private WsClient carolSocket;

    @AfterEach
    void closeSockets() {
        if (aliceSocket != null) {
            aliceSocket.close();
        }
        if (carolSocket != null) {
            carolSocket.close();
        }
    }

    @Test
    void registerLoginBefriendAndChatOnOneIsp() throws Exception {
        // the container reports the machine's address; the tests talk to 127.0.0.1 only
        ApiClient api = new ApiClient(new URI("http", null, "127.0.0.1", base.getPort(), base.getPath(), null, null));

        // the ISP reports itself ready (database and the in-process broker reachable)
        ApiClient.Response health = api.get("health", null);
        assertEquals(200, health.status(), health::toString);

        // Setup: two users of the same ISP
        JsonObject alice = api.register("alice", PASSWORD, "Alice", true);
        assertEquals(ALICE, Json.str(alice, "address"), alice::toString);
        api.register("carol", PASSWORD, "Carol", true);
        String aliceToken = api.login("alice", PASSWORD);
        String carolToken = api.login(CAROL, PASSWORD);

        aliceSocket = WsClient.connect("alice", api.webSocketUri());
        JsonObject ready = aliceSocket.authenticate(aliceToken);
        assertEquals(ALICE, Json.str(ready, "address"), ready::toString);
        carolSocket = WsClient.connect("carol", api.webSocketUri());
        assertEquals(CAROL, Json.str(carolSocket.authenticate(carolToken), "address"));

        // Execute: contact request and approval
        ApiClient.Response ask = api.put("api/v1/contacts/" + CAROL, aliceToken);
        assertEquals(202, ask.status(), ask::toString);
        carolSocket.awaitFrame(Frames.contactRequestFrom(ALICE), LOCAL);
        ApiClient.Response approve = api.post("api/v1/contacts/" + ALICE + "/approve", null, carolToken);
        assertEquals(204, approve.status(), approve::toString);
        Await.until("carol accepted in alice's contacts", LOCAL, () -> "accepted"
                .equals(api.contactState(aliceToken, CAROL)));

        // a message: ack to the sender, delivery to the other socket
        String id = Fixtures.newId();
        aliceSocket.send(Fixtures.message(id, CAROL, "Hi Carol"));
        JsonObject ack = aliceSocket.awaitFrame(Frames.answerTo(id), LOCAL);
        assertEquals("ack", Json.str(ack, "type"), ack::toString);
        assertEquals("accepted", Json.str(ack, "status"), ack::toString);
        assertNotNull(Json.str(ack, "serverId"), ack::toString);

        JsonObject delivered = carolSocket.awaitFrame(Frames.messageFrom(ALICE), LOCAL);
        assertEquals("Hi Carol", Json.str(delivered, "body"), delivered::toString);
        assertEquals(CAROL, Json.str(delivered, "to"), delivered::toString);
    }
}

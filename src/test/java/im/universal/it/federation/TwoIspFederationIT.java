package im.universal.it.federation;

import static im.universal.it.support.Fixtures.FEDERATION_HOP;
import static im.universal.it.support.Fixtures.LOCAL;
import static im.universal.it.support.Fixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import im.universal.it.support.ApiClient;
import im.universal.it.support.Await;
import im.universal.it.support.Federation;
import im.universal.it.support.FederationExtension;
import im.universal.it.support.Fixtures;
import im.universal.it.support.Frames;
import im.universal.it.support.Json;
import im.universal.it.support.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two ISPs and a broker as real processes: alice on alpha.test and bob on beta.test find each other in the
 * directory, become contacts, chat, see each other's presence — everything crossing the broker.
 */
@ExtendWith(FederationExtension.class)
class TwoIspFederationIT {

    private static final String ALICE = "alice@alpha.test";
    private static final String BOB = "bob@beta.test";

    private WsClient aliceSocket;
    private WsClient bobSocket;

    @AfterEach
    void closeSockets() {
        if (aliceSocket != null) {
            aliceSocket.close();
        }
        if (bobSocket != null) {
            bobSocket.close();
        }
    }

    @Test
    void aliceAndBobChatAcrossIsps(Federation federation) {
        ApiClient alpha = federation.alpha().api();
        ApiClient beta = federation.beta().api();

        // Setup: one listed user on each ISP, both logged in
        assertEquals(ALICE, Json.str(alpha.register("alice", PASSWORD, "Alice", true), "address"));
        assertEquals(BOB, Json.str(beta.register("bob", PASSWORD, "Bob", true), "address"));
        String aliceToken = alpha.login("alice", PASSWORD);
        String bobToken = beta.login("bob", PASSWORD);

        // Execute + verify: bob's registration was broadcast to alpha's directory
        Await.until(
                "bob@beta.test in alpha's directory", Duration.ofSeconds(10), () -> alpha.directory(aliceToken, "bob")
                        .contains(BOB));

        // both connect: the ready frame names the user's address
        aliceSocket = WsClient.connect("alice", alpha.webSocketUri());
        assertEquals(ALICE, Json.str(aliceSocket.authenticate(aliceToken), "address"));
        bobSocket = WsClient.connect("bob", beta.webSocketUri());
        assertEquals(BOB, Json.str(bobSocket.authenticate(bobToken), "address"));

        // alice asks bob; the request crosses to beta and shows up on bob's socket
        ApiClient.Response ask = alpha.put("api/v1/contacts/" + BOB, aliceToken);
        assertEquals(202, ask.status(), ask::toString);
        JsonObject request = bobSocket.awaitFrame(Frames.contactRequestFrom(ALICE), FEDERATION_HOP);
        assertNotNull(request);

        ApiClient.Response approve = beta.post("api/v1/contacts/" + ALICE + "/approve", null, bobToken);
        assertEquals(204, approve.status(), approve::toString);
        Await.until("bob accepted in alice's contacts on alpha", FEDERATION_HOP, () -> "accepted"
                .equals(alpha.contactState(aliceToken, BOB)));

        // both online: each sees the other available
        aliceSocket.awaitFrame(Frames.presence(BOB, "available"), FEDERATION_HOP);
        bobSocket.awaitFrame(Frames.presence(ALICE, "available"), FEDERATION_HOP);

        // alice → bob
        String hello = "Hello Bob, greetings from alpha.test! ☕";
        String helloId = Fixtures.newId();
        aliceSocket.send(Fixtures.message(helloId, BOB, hello));
        JsonObject ack = aliceSocket.awaitFrame(Frames.answerTo(helloId), LOCAL);
        assertEquals("ack", Json.str(ack, "type"), () -> "answer to alice's message: " + ack);
        assertEquals("accepted", Json.str(ack, "status"), ack::toString);
        assertNotNull(Json.str(ack, "serverId"), ack::toString);

        JsonObject atBob = bobSocket.awaitFrame(Frames.messageFrom(ALICE), FEDERATION_HOP);
        assertEquals(hello, Json.str(atBob, "body"), atBob::toString);
        assertEquals(BOB, Json.str(atBob, "to"), atBob::toString);

        // bob → alice
        String reply = "Hi Alice, bob here on beta.test.";
        String replyId = Fixtures.newId();
        bobSocket.send(Fixtures.message(replyId, ALICE, reply));
        JsonObject replyAck = bobSocket.awaitFrame(Frames.answerTo(replyId), LOCAL);
        assertEquals("ack", Json.str(replyAck, "type"), () -> "answer to bob's message: " + replyAck);

        JsonObject atAlice = aliceSocket.awaitFrame(Frames.messageFrom(BOB), FEDERATION_HOP);
        assertEquals(reply, Json.str(atAlice, "body"), atAlice::toString);

        // alice says bye: her socket closes normally and bob sees her offline
        aliceSocket.send(Fixtures.bye());
        assertEquals(1000, aliceSocket.awaitClose(LOCAL), aliceSocket::describe);
        bobSocket.awaitFrame(Frames.presence(ALICE, "offline"), FEDERATION_HOP);

        federation.assertAllAlive();
    }
}

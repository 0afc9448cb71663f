package im.universal.it.messaging;

import static im.universal.it.support.Fixtures.FEDERATION_HOP;
import static im.universal.it.support.Fixtures.LOCAL;
import static im.universal.it.support.Fixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.universal.it.support.ApiClient;
import im.universal.it.support.Await;
import im.universal.it.support.Federation;
import im.universal.it.support.FederationExtension;
import im.universal.it.support.Fixtures;
import im.universal.it.support.Frames;
import im.universal.it.support.Json;
import im.universal.it.support.WsClient;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Messaging and presence users can rely on, across two ISPs, over the wire (docs/protocol.md). */
@ExtendWith(FederationExtension.class)
class MessagingIT {
    private final List<WsClient> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(WsClient::close);
    }

    private WsClient connect(Pair.User user) {
        WsClient socket = WsClient.connect(user.name(), user.api().webSocketUri());
        sockets.add(socket);
        socket.authenticate(user.token());
        return socket;
    }

    @Test
    void offlineMessagesArriveInOrderOnceAtLogin(Federation federation) {
        // Setup: carol on alpha and dave on beta are contacts; dave is not connected
        Pair pair = Pair.contacts(federation.alpha(), federation.beta(), "carol", "dave");
        WsClient carol = connect(pair.a());
        String dave = pair.b().address();

        // Execute: three messages while dave is offline
        List<String> bodies = List.of("first", "second", "third");
        for (String body : bodies) {
            String id = Fixtures.newId();
            carol.send(Fixtures.message(id, dave, body));
            assertEquals("ack", Json.str(carol.awaitFrame(Frames.answerTo(id), LOCAL), "type"));
        }

        // Verify: at dave's login they follow ready, oldest first, each once
        WsClient daveSocket = connect(pair.b());
        List<String> received = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            received.add(
                    Json.str(daveSocket.awaitFrame(Frames.messageFrom(pair.a().address()), FEDERATION_HOP), "body"));
        }
        assertEquals(bodies, received);
        carol.awaitFrame(Frames.type("status").and(f -> "delivered".equals(Json.str(f, "status"))), FEDERATION_HOP);

        // ... and never again at a later login
        daveSocket.close();
        WsClient again = connect(pair.b());
        String marker = Fixtures.newId();
        carol.send(Fixtures.message(marker, dave, "marker"));
        JsonObject next = again.awaitFrame(Frames.messageFrom(pair.a().address()), FEDERATION_HOP);
        assertEquals("marker", Json.str(next, "body"), "a message delivered before came again: " + next);
    }

    @Test
    void resendingTheSameClientIdGivesOneMessage(Federation federation) {
        Pair pair = Pair.contacts(federation.alpha(), federation.beta(), "erin", "frank");
        WsClient erin = connect(pair.a());
        WsClient frank = connect(pair.b());

        String id = Fixtures.newId();
        erin.send(Fixtures.message(id, pair.b().address(), "only once"));
        JsonObject first = erin.awaitFrame(Frames.answerTo(id), LOCAL);
        erin.send(Fixtures.message(id, pair.b().address(), "only once"));
        JsonObject second = erin.awaitFrame(Frames.answerTo(id), LOCAL);
        assertEquals(Json.str(first, "serverId"), Json.str(second, "serverId"), "same client id, same serverId");

        String marker = Fixtures.newId();
        erin.send(Fixtures.message(marker, pair.b().address(), "marker"));
        frank.awaitFrame(Frames.messageFrom(pair.a().address()).and(body("only once")), FEDERATION_HOP);
        frank.awaitFrame(Frames.messageFrom(pair.a().address()).and(body("marker")), FEDERATION_HOP);
        long copies = frank.received().stream().filter(body("only once")).count();
        assertEquals(1, copies, "the resent message was delivered " + copies + " times");
    }

    @Test
    void aBurstIsStoredTogetherYetAnsweredMessageByMessage(Federation federation) {
        // Setup: nora on alpha and otto on beta are contacts, both connected
        Pair pair = Pair.contacts(federation.alpha(), federation.beta(), "nora", "otto");
        WsClient nora = connect(pair.a());
        WsClient otto = connect(pair.b());
        String to = pair.b().address();

        // Execute: 30 message frames without waiting for any answer (the server stores what queued up together,
        // and relays it to beta in batches); #10 goes to a non-contact, #20 resends the client id of #5
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = i == 20 ? ids.get(5) : Fixtures.newId();
            ids.add(id);
            String recipient = i == 10 ? "nobody-" + id.substring(0, 8) + "@alpha.test" : to;
            nora.send(Fixtures.message(id, recipient, "burst " + (i == 20 ? 5 : i)));
        }

        // Verify: every frame gets its own answer: the refused one an error with its ref, the others acks; the
        // resend the serverId of the original
        List<String> serverIds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i == 20) {
                continue;
            }
            JsonObject answer = nora.awaitFrame(Frames.answerTo(ids.get(i)), LOCAL);
            if (i == 10) {
                assertEquals("error", Json.str(answer, "type"), answer::toString);
                assertEquals("not_a_contact", Json.str(answer, "code"), answer::toString);
            } else {
                assertEquals("ack", Json.str(answer, "type"), answer::toString);
                serverIds.add(Json.str(answer, "serverId"));
            }
        }
        assertEquals(serverIds.size(), serverIds.stream().distinct().count(), "one serverId per message");
        String original = ids.get(5);
        Await.until(
                "two acks for the resent id",
                LOCAL,
                () -> nora.received().stream().filter(Frames.answerTo(original)).count() == 2);
        List<String> acksOfResent = nora.received().stream()
                .filter(Frames.answerTo(original))
                .map(f -> Json.str(f, "serverId"))
                .toList();
        assertEquals(acksOfResent.get(0), acksOfResent.get(1), "the resend inside the burst got the same serverId");

        // ... and otto receives the 28 messages once each, in the order sent
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i != 10 && i != 20) {
                expected.add("burst " + i);
            }
        }
        Await.until(
                "otto has 28 messages",
                FEDERATION_HOP,
                () -> otto.received().stream()
                                .filter(Frames.messageFrom(pair.a().address()))
                                .count()
                        >= expected.size());
        List<String> received = otto.received().stream()
                .filter(Frames.messageFrom(pair.a().address()))
                .map(f -> Json.str(f, "body"))
                .toList();
        assertEquals(expected, received);
    }

    @Test
    void deliveredAndReadReceiptsFlowBackAcrossIsps(Federation federation) {
        Pair pair = Pair.contacts(federation.alpha(), federation.beta(), "gina", "hank");
        WsClient gina = connect(pair.a());
        WsClient hank = connect(pair.b());

        String id = Fixtures.newId();
        gina.send(Fixtures.message(id, pair.b().address(), "did you read this?"));
        String serverId = Json.str(gina.awaitFrame(Frames.answerTo(id), LOCAL), "serverId");
        JsonObject atHank = hank.awaitFrame(Frames.messageFrom(pair.a().address()), FEDERATION_HOP);
        assertEquals(serverId, Json.str(atHank, "id"));

        gina.awaitFrame(status(serverId, "delivered"), FEDERATION_HOP);
        hank.send(Json.object().add("type", "read").add("id", serverId).build());
        gina.awaitFrame(status(serverId, "read"), FEDERATION_HOP);

        ApiClient.Response history = pair.a()
                .api()
                .get(
                        "api/v1/conversations/" + pair.b().address() + "/messages",
                        pair.a().token());
        assertEquals(200, history.status(), history::toString);
        assertEquals("read", Json.str(history.json().getJsonArray("messages").getJsonObject(0), "status"));
    }

    @Test
    void aProprietarySessionCannotFindOrReachOtherIsps(Federation federation) {
        Pair pair = Pair.contacts(federation.alpha(), federation.beta(), "ivan", "judy");
        ApiClient alpha = pair.a().api();
        ApiClient.Response login = alpha.post(
                "api/v1/sessions",
                Json.object()
                        .add("username", pair.a().name())
                        .add("password", PASSWORD)
                        .add("mode", "proprietary")
                        .build(),
                null);
        assertEquals(201, login.status(), login::toString);
        assertEquals("proprietary", Json.str(login.json(), "mode"));
        String token = Json.str(login.json(), "token");

        assertTrue(alpha.directory(pair.a().token(), pair.b().name())
                .contains(pair.b().address()));
        assertFalse(alpha.directory(token, pair.b().name()).contains(pair.b().address()), "proprietary sees beta");

        ApiClient.Response ask = alpha.put("api/v1/contacts/someone@beta.test", token);
        assertEquals(403, ask.status(), ask::toString);
        assertEquals("mode_restricted", ask.errorCode());

        WsClient socket = WsClient.connect("ivan-proprietary", alpha.webSocketUri());
        sockets.add(socket);
        socket.authenticate(token);
        String id = Fixtures.newId();
        socket.send(Fixtures.message(id, pair.b().address(), "can you hear me?"));
        JsonObject answer = socket.awaitFrame(Frames.answerTo(id), LOCAL);
        assertEquals("error", Json.str(answer, "type"), answer::toString);
        assertEquals("mode_restricted", Json.str(answer, "code"), answer::toString);
    }

    @Test
    void anUnlistedUserIsFoundOnNeitherIsp(Federation federation) {
        Pair.User hidden = Pair.register(federation.alpha(), "hidden", false);
        Pair.User seeker = Pair.register(federation.beta(), "seeker", true);
        Pair.User local = Pair.register(federation.alpha(), "neighbour", true);
        // a listed marker registered after the unlisted user proves the directory is up to date on beta
        Pair.User marker = Pair.register(federation.alpha(), "marker", true);
        im.universal.it.support.Await.until("marker listed on beta", FEDERATION_HOP, () -> seeker.api()
                .directory(seeker.token(), marker.name())
                .contains(marker.address()));
        assertFalse(seeker.api().directory(seeker.token(), hidden.name()).contains(hidden.address()));
        assertFalse(local.api().directory(local.token(), hidden.name()).contains(hidden.address()));
    }

    @Test
    void twoDevicesBothReceiveAndTheContactSeesOfflineOnlyAfterTheSecondLeaves(Federation federation) {
        Pair pair = Pair.contacts(federation.alpha(), federation.beta(), "kate", "liam");
        WsClient kate = connect(pair.a());
        String secondToken = pair.b().api().login(pair.b().name(), PASSWORD);
        WsClient phone = connect(pair.b());
        WsClient laptop = WsClient.connect("liam-laptop", pair.b().api().webSocketUri());
        sockets.add(laptop);
        laptop.authenticate(secondToken);

        String id = Fixtures.newId();
        kate.send(Fixtures.message(id, pair.b().address(), "to all your devices"));
        assertNotNull(phone.awaitFrame(Frames.messageFrom(pair.a().address()), FEDERATION_HOP));
        assertNotNull(laptop.awaitFrame(Frames.messageFrom(pair.a().address()), FEDERATION_HOP));

        kate.awaitFrame(Frames.presence(pair.b().address(), "available"), FEDERATION_HOP);
        int seenBefore = kate.received().size(); // earlier frames include liam "offline" before he connected
        phone.send(Fixtures.bye());
        phone.awaitClose(LOCAL);
        // still online through the laptop: a presence probe answer must not say offline
        laptop.send(Json.object()
                .add("type", "presence")
                .add("show", "away")
                .add("status", "on the laptop")
                .build());
        JsonObject away = kate.awaitFrame(Frames.presence(pair.b().address(), "away"), FEDERATION_HOP);
        assertEquals("on the laptop", Json.str(away, "status"));
        assertTrue(
                after(kate.received(), seenBefore).stream()
                        .noneMatch(Frames.presence(pair.b().address(), "offline")),
                "offline while a device was still connected");

        laptop.abort();
        // (an "offline" from before liam connected, without lastSeen, may still be queued: wait for the new one)
        JsonObject offline = kate.awaitFrame(
                Frames.presence(pair.b().address(), "offline").and(f -> Json.str(f, "lastSeen") != null),
                FEDERATION_HOP);
        assertNotNull(Json.str(offline, "lastSeen"));
    }

    private static List<JsonObject> after(List<JsonObject> frames, int index) {
        return frames.subList(index, frames.size());
    }

    private static Predicate<JsonObject> status(String serverId, String status) {
        return Frames.type("status")
                .and(f -> serverId.equals(Json.str(f, "id")) && status.equals(Json.str(f, "status")));
    }

    private static Predicate<JsonObject> body(String body) {
        return f -> body.equals(Json.str(f, "body"));
    }
}

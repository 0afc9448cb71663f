package im.universal.it.messaging;

import static im.universal.it.support.Fixtures.FEDERATION_HOP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import im.universal.it.support.ApiClient;
import im.universal.it.support.Await;
import im.universal.it.support.Federation;
import im.universal.it.support.FederationExtension;
import im.universal.it.support.Fixtures;
import im.universal.it.support.Frames;
import im.universal.it.support.Json;
import im.universal.it.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A receiving ISP applies several conversations at once (ordering lanes, docs/federation.md "Order"), and each
 * conversation keeps its order: many conversations sending at the same time arrive once each and in order, and a
 * contact's approval is applied before the message its approver sends right after it.
 */
@ExtendWith(FederationExtension.class)
class ConversationLanesIT {
    private static final int CONVERSATIONS = 8;
    private static final int MESSAGES = 40;

    @Test
    void concurrentConversationsArriveOnceEachInOrder(Federation federation) {
        // Setup: eight pairs of contacts across the ISPs, all online
        List<Pair> pairs = new ArrayList<>();
        List<WsClient> senders = new ArrayList<>();
        List<WsClient> receivers = new ArrayList<>();
        try {
            for (int i = 0; i < CONVERSATIONS; i++) {
                Pair pair = Pair.contacts(federation.alpha(), federation.beta(), "lane-a" + i, "lane-b" + i);
                pairs.add(pair);
                senders.add(connect(pair.a()));
                receivers.add(connect(pair.b()));
            }

            // Execute: the senders take turns, one message each, without waiting for answers, so every relay
            // round and every inbox session carries several conversations
            for (int m = 0; m < MESSAGES; m++) {
                for (int i = 0; i < CONVERSATIONS; i++) {
                    senders.get(i)
                            .send(Fixtures.message(
                                    Fixtures.newId(), pairs.get(i).b().address(), "c" + i + " m" + m));
                }
            }

            // Verify: each receiver has its conversation's messages once each, in the order sent
            for (int i = 0; i < CONVERSATIONS; i++) {
                String from = pairs.get(i).a().address();
                WsClient receiver = receivers.get(i);
                Await.until(
                        receiver.name() + " has " + MESSAGES + " messages",
                        FEDERATION_HOP,
                        () -> receiver.received().stream()
                                        .filter(Frames.messageFrom(from))
                                        .count()
                                >= MESSAGES);
                List<String> expected = new ArrayList<>();
                for (int m = 0; m < MESSAGES; m++) {
                    expected.add("c" + i + " m" + m);
                }
                List<String> bodies = receiver.received().stream()
                        .filter(Frames.messageFrom(from))
                        .map(f -> Json.str(f, "body"))
                        .toList();
                assertEquals(expected, bodies, "conversation " + i);
            }
        } finally {
            senders.forEach(WsClient::close);
            receivers.forEach(WsClient::close);
        }
        federation.assertAllAlive();
    }

    @Test
    void anApprovalIsAppliedBeforeTheMessageSentRightAfterIt(Federation federation) {
        // Setup: eight users on beta each ask a user on alpha; everyone is online
        List<Pair.User> askers = new ArrayList<>();
        List<Pair.User> approvers = new ArrayList<>();
        List<WsClient> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < CONVERSATIONS; i++) {
                Pair.User asker = Pair.register(federation.beta(), "ask" + i, true);
                Pair.User approver = Pair.register(federation.alpha(), "appr" + i, true);
                ApiClient.Response ask = asker.api().put("api/v1/contacts/" + approver.address(), asker.token());
                assertEquals(202, ask.status(), ask::toString);
                askers.add(asker);
                approvers.add(approver);
            }
            List<WsClient> askerSockets = new ArrayList<>();
            List<WsClient> approverSockets = new ArrayList<>();
            for (int i = 0; i < CONVERSATIONS; i++) {
                Pair.User asker = askers.get(i);
                Pair.User approver = approvers.get(i);
                Await.until(approver.address() + " sees the request", FEDERATION_HOP, () -> "pending-in"
                        .equals(approver.api().contactState(approver.token(), asker.address())));
                askerSockets.add(connect(asker));
                approverSockets.add(connect(approver));
            }
            sockets.addAll(askerSockets);
            sockets.addAll(approverSockets);

            // Execute: each approver approves and at once sends a message; both travel through alpha's outbox
            for (int i = 0; i < CONVERSATIONS; i++) {
                Pair.User asker = askers.get(i);
                Pair.User approver = approvers.get(i);
                ApiClient.Response approve =
                        approver.api().post("api/v1/contacts/" + asker.address() + "/approve", null, approver.token());
                assertEquals(204, approve.status(), approve::toString);
                approverSockets.get(i).send(Fixtures.message(Fixtures.newId(), asker.address(), "welcome " + i));
            }

            // Verify: every asker gets the welcome: beta applied the approval first (a message from someone who
            // is not yet an accepted contact would have been dropped)
            for (int i = 0; i < CONVERSATIONS; i++) {
                String from = approvers.get(i).address();
                String body = "welcome " + i;
                askerSockets
                        .get(i)
                        .awaitFrame(
                                f -> Frames.messageFrom(from).test(f) && body.equals(Json.str(f, "body")),
                                FEDERATION_HOP);
            }
        } finally {
            sockets.forEach(WsClient::close);
        }
        federation.assertAllAlive();
    }

    private static WsClient connect(Pair.User user) {
        WsClient socket = WsClient.connect(user.name(), user.api().webSocketUri());
        socket.authenticate(user.token());
        return socket;
    }
}

package im.universal.federation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class OrderingLaneTest {

    private static JsonObject fromTo(String from, String to) {
        return Json.createObjectBuilder().add("from", from).add("to", to).build();
    }

    @Test
    void bothDirectionsOfAConversationShareALane() {
        int lane = OrderingLane.of(EnvelopeType.MESSAGE, fromTo("alice@alpha.test", "bob@beta.test"));

        assertEquals(lane, OrderingLane.of(EnvelopeType.RECEIPT, fromTo("bob@beta.test", "alice@alpha.test")));
        assertEquals(lane, OrderingLane.of(EnvelopeType.CONTACT_ANSWER, fromTo("bob@beta.test", "alice@alpha.test")));
        assertEquals(lane, OrderingLane.of(EnvelopeType.CONTACT_REQUEST, fromTo("alice@alpha.test", "bob@beta.test")));
        assertEquals(lane, OrderingLane.of(EnvelopeType.TYPING, fromTo("alice@alpha.test", "bob@beta.test")));
        JsonObject error = Json.createObjectBuilder()
                .add("code", "unknown_user")
                .add("to", "alice@alpha.test")
                .add("ref", "bob@beta.test")
                .build();
        assertEquals(lane, OrderingLane.of(EnvelopeType.ERROR, error), "the error about a request rides with it");
    }

    @Test
    void similarConversationsSpreadEvenlyOverTheLanes() {
        int[] perLane = new int[OrderingLane.LANES];
        for (int i = 0; i < 200; i++) { // addresses as a benchmark or a batch registration names them
            perLane[OrderingLane.of(EnvelopeType.MESSAGE, fromTo("s" + i + "@alpha.test", "r" + i + "@beta.test"))]++;
        }
        int fair = 200 / OrderingLane.LANES;
        for (int lane = 0; lane < OrderingLane.LANES; lane++) {
            assertTrue(perLane[lane] > 0 && perLane[lane] <= 2 * fair, "lane " + lane + " has " + perLane[lane]);
        }
    }

    @Test
    void oneUsersPresenceAndProbesShareALane() {
        JsonObject presence = Json.createObjectBuilder()
                .add("from", "alice@alpha.test")
                .add("show", "away")
                .add("to", Json.createArrayBuilder().add("bob@beta.test"))
                .build();
        JsonObject probe = Json.createObjectBuilder()
                .add("from", "alice@alpha.test")
                .add("to", Json.createArrayBuilder().add("carol@beta.test"))
                .build();

        assertEquals(
                OrderingLane.of(EnvelopeType.PRESENCE, presence), OrderingLane.of(EnvelopeType.PRESENCE_PROBE, probe));
    }

    @Test
    void envelopesOfNoConversationTakeLaneZero() {
        assertEquals(
                0,
                OrderingLane.of(
                        EnvelopeType.DIRECTORY_SNAPSHOT,
                        Json.createObjectBuilder().build()));
        assertEquals(
                0,
                OrderingLane.of(
                        EnvelopeType.ISP_WELCOME, Json.createObjectBuilder().build()));
    }
}

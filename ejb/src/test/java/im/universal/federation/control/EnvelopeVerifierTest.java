package im.universal.federation.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class EnvelopeVerifierTest {
    private final EnvelopeVerifier beta = new EnvelopeVerifier("beta.test");

    private static Envelope from(String origin) {
        return Envelope.create(EnvelopeType.MESSAGE, origin, JsonValue.EMPTY_JSON_OBJECT);
    }

    @Test
    void acceptsAnOriginThatIsTheAuthenticatedSender() {
        assertDoesNotThrow(() -> beta.verifyOrigin(from("alpha.test"), "alpha.test"));
    }

    @Test
    void rejectsAClaimedOriginThatIsNotTheSender() {
        EnvelopeRejected e =
                assertThrows(EnvelopeRejected.class, () -> beta.verifyOrigin(from("gamma.test"), "alpha.test"));
        assertEquals("forged_origin", e.reason());
        assertEquals(
                "forged_origin",
                assertThrows(EnvelopeRejected.class, () -> beta.verifyOrigin(from("alpha.test"), null))
                        .reason());
    }

    @Test
    void rejectsEnvelopesClaimingToComeFromItself() {
        assertEquals(
                "own_origin",
                assertThrows(EnvelopeRejected.class, () -> beta.verifyOrigin(from("beta.test"), "beta.test"))
                        .reason());
    }

    @Test
    void aSenderAddressMustBelongToTheOrigin() throws EnvelopeRejected {
        assertEquals(
                "alice",
                beta.senderAddress(from("alpha.test"), "Alice@alpha.test").local());
        assertEquals(
                "forged_sender",
                assertThrows(EnvelopeRejected.class, () -> beta.senderAddress(from("alpha.test"), "eve@gamma.test"))
                        .reason());
    }

    @Test
    void aRecipientMustBeLocal() {
        assertEquals(
                "misrouted",
                assertThrows(EnvelopeRejected.class, () -> beta.localAddress("bob@alpha.test"))
                        .reason());
        assertDoesNotThrow(() -> beta.localAddress("bob@beta.test"));
    }
}

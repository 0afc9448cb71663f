package im.universal.federation.control;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Fuzzing the envelope parser: random and mutated input is decoded or rejected with a reason, never more. */
class EnvelopeCodecProperties {
    private static final String VALID = EnvelopeCodec.encode(Envelope.create(
            EnvelopeType.MESSAGE,
            "alpha.test",
            Json.createObjectBuilder()
                    .add("serverId", "s1")
                    .add("from", "alice@alpha.test")
                    .add("to", "bob@beta.test")
                    .add("body", "hi")
                    .build()));

    @Property(tries = 500)
    void randomTextIsRejectedWithAReason(@ForAll @StringLength(max = 300) String text) {
        decodeOrReject(text);
    }

    @Property(tries = 1000)
    void mutatedEnvelopesAreDecodedOrRejected(@ForAll("mutations") String text) {
        decodeOrReject(text);
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID.length() - 1);
        Arbitrary<Character> replacement = Arbitraries.chars().with('{', '}', '"', ':', ',', '[', ']', '1', 'x', '\\');
        return net.jqwik.api.Combinators.combine(
                        position, replacement, Arbitraries.integers().between(0, 2))
                .as((at, c, mode) -> switch (mode) {
                    case 0 -> VALID.substring(0, at) + c + VALID.substring(at + 1);
                    case 1 -> VALID.substring(0, at) + VALID.substring(at + 1);
                    default -> VALID.substring(0, at);
                });
    }

    private static void decodeOrReject(String text) {
        try {
            assertNotNull(EnvelopeCodec.decode(text).type());
        } catch (EnvelopeRejected rejected) {
            assertNotNull(rejected.reason());
        }
    }
}

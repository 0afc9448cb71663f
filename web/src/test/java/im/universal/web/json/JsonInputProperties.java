package im.universal.web.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import im.universal.platform.ErrorCode;
import im.universal.platform.UimException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Fuzzing the frame and body decoder: anything a client sends is an object or {@code invalid_request}. */
class JsonInputProperties {
    private static final String FRAME = "{\"type\":\"message\",\"id\":\"c1\",\"to\":\"bob@beta.test\",\"body\":\"hi\"}";

    @Property(tries = 500)
    void randomTextIsAnObjectOrInvalidRequest(@ForAll @StringLength(max = 300) String text) {
        decodeOrInvalid(text);
    }

    @Property(tries = 1000)
    void mutatedFramesAreAnObjectOrInvalidRequest(@ForAll("mutations") String text) {
        decodeOrInvalid(text);
    }

    @Provide
    Arbitrary<String> mutations() {
        return net.jqwik.api.Combinators.combine(
                        Arbitraries.integers().between(0, FRAME.length() - 1),
                        Arbitraries.chars().with('{', '}', '"', ':', ',', '[', '1', 'n', '\\', '\u0000'))
                .as((at, c) -> FRAME.substring(0, at) + c + FRAME.substring(at + 1));
    }

    private static void decodeOrInvalid(String text) {
        try {
            var object = JsonInput.object(text);
            assertNotNull(object);
            try {
                JsonInput.string(object, "type");
                JsonInput.string(object, "to");
            } catch (UimException e) {
                assertEquals(ErrorCode.INVALID_REQUEST, e.code());
            }
        } catch (UimException e) {
            assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        }
    }
}

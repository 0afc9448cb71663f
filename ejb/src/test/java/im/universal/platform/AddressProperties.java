package im.universal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** Fuzzing the address parser: any input gives an address or the documented error, nothing else. */
class AddressProperties {
    /** What the checks implement, as regular expressions (the implementation until session 14). */
    private static final Pattern LOCAL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    @Property(tries = 3000)
    void theChecksAgreeWithTheExpressions(@ForAll("addressParts") String text) {
        assertEquals(LOCAL.matcher(text).matches(), Address.isValidLocal(text), text);
        assertEquals(DOMAIN.matcher(text).matches(), Address.isValidDomain(text), text);
    }

    /**
     * Texts near the rules, so that valid and almost valid ones both come up: short ones of the characters that
     * matter (and some that do not), labels around the 63-character limit joined by dots up to past 253 characters,
     * and local parts around 64.
     */
    @Provide
    Arbitrary<String> addressParts() {
        Arbitrary<String> short_ =
                Arbitraries.strings().withChars("az09.-_A@ \u00e9\n").ofMaxLength(12);
        Arbitrary<String> labels = Arbitraries.strings()
                .withChars("a9-")
                .ofMinLength(0)
                .ofMaxLength(66)
                .list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .map(parts -> String.join(".", parts));
        Arbitrary<String> locals =
                Arbitraries.strings().withChars("a9._-").ofMinLength(60).ofMaxLength(68);
        return Arbitraries.oneOf(short_, labels, locals);
    }

    @Property(tries = 500)
    void anyTextParsesOrIsRefusedWithInvalidAddress(@ForAll @StringLength(max = 400) String raw) {
        Address parsed = Address.tryParse(raw);
        try {
            Address strict = Address.parse(raw);
            assertEquals(parsed, strict);
        } catch (UimException e) {
            assertEquals(ErrorCode.INVALID_ADDRESS, e.code());
            assertEquals(null, parsed);
        }
    }

    @Property(tries = 500)
    void parsedAddressesAreNormalisedAndRoundTrip(
            @ForAll @StringLength(min = 1, max = 20) @CharRange(from = 'A', to = 'z') String local) {
        Address parsed = Address.tryParse(local + "@Alpha.Test");
        if (parsed != null) {
            assertEquals(parsed, Address.parse(parsed.toString()));
            assertTrue(parsed.toString().equals(parsed.toString().toLowerCase(java.util.Locale.ROOT)));
            assertTrue(Address.isValidLocal(parsed.local()));
        }
    }
}

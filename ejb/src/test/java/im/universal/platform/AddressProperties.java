package im.universal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** Fuzzing the address parser: any input gives an address or the documented error, nothing else. */
class AddressProperties {

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

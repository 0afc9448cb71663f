package im.universal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

    @Test
    void normalisesCaseOnce() {
        Address address = Address.parse("Alice.Smith@Alpha.TEST");
        assertEquals("alice.smith", address.local());
        assertEquals("alpha.test", address.domain());
        assertEquals("alice.smith@alpha.test", address.toString());
        assertTrue(address.isIn("alpha.test"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "@alpha.test",
                "alice@",
                "alice",
                "a@b@c.test",
                "élise@alpha.test",
                "bob smith@alpha.test",
                "bob/x@alpha.test",
                ".bob@alpha.test",
                "alice@alpha..test",
                "alice@-alpha.test"
            })
    void refusesWhatIsNotAnAddress(String raw) {
        assertNull(Address.tryParse(raw));
        UimException e = assertThrows(UimException.class, () -> Address.parse(raw));
        assertEquals(ErrorCode.INVALID_ADDRESS, e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ölaf", "ｂｏｂ", "bob smith", "bob/x", "-bob", "_bob", "ß"})
    void refusesUsernamesOutsideTheAlphabetInsteadOfTransliterating(String raw) {
        assertNull(Address.normaliseLocal(raw));
    }

    @Test
    void acceptsTheFullAlphabetUpTo64Characters() {
        assertEquals("a.b_c-9", Address.normaliseLocal("A.b_C-9"));
        assertEquals(64, Address.normaliseLocal("x".repeat(64)).length());
        assertNull(Address.normaliseLocal("x".repeat(65)));
    }
}

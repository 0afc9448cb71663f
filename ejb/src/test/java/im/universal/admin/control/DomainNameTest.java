package im.universal.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import im.universal.platform.ErrorCode;
import im.universal.platform.UimException;
import org.junit.jupiter.api.Test;

class DomainNameTest {

    @Test
    void normalisesCaseBlanksAndTrailingDot() {
        assertEquals("spam.example", DomainName.normalise("  Spam.Example. "));
        assertEquals("beta.test", DomainName.normalise("beta.test"));
    }

    @Test
    void refusesWhatIsNotAHostName() {
        for (String bad : new String[] {null, "", " ", "a..b", "-a.test", "a-.test", "a b.test", "x@y.test", "a/b"}) {
            UimException e = assertThrows(UimException.class, () -> DomainName.normalise(bad), "" + bad);
            assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        }
        assertThrows(UimException.class, () -> DomainName.normalise("a".repeat(64) + ".test"));
    }
}

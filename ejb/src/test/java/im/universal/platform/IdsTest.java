package im.universal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAreVersion7UuidsThatFitTheServerIdColumn() {
        UUID id = UUID.fromString(Ids.newId());

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(36, id.toString().length());
    }

    @Test
    void idsAreUniqueAndStartWithTheTime() {
        long before = System.currentTimeMillis();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(Ids.newId());
        }
        long after = System.currentTimeMillis();

        assertEquals(100_000, ids.size());
        long millis = UUID.fromString(ids.iterator().next()).getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, "48 bits of milliseconds first");
    }
}

package im.universal.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AuditLogTest {

    @Test
    void clipsLongTextToTheColumnWidth() {
        assertNull(AuditLog.clip(null, 10));
        assertEquals("short", AuditLog.clip("short", 10));
        String clipped = AuditLog.clip("x".repeat(2000), AuditLog.MAX_DETAIL);
        assertEquals(AuditLog.MAX_DETAIL, clipped.length());
    }
}

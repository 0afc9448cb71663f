package im.universal.admin.control;

import static im.universal.admin.control.BootstrapPolicy.Outcome.ALREADY_CONFIGURED;
import static im.universal.admin.control.BootstrapPolicy.Outcome.CREATE;
import static im.universal.admin.control.BootstrapPolicy.Outcome.INVALID;
import static im.universal.admin.control.BootstrapPolicy.Outcome.NOT_CONFIGURED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BootstrapPolicyTest {

    @Test
    void createsTheConfiguredOperatorOnlyWhenNoneExists() {
        assertEquals(CREATE, BootstrapPolicy.decide(0, "Root", "a-long-password"));
        assertEquals(ALREADY_CONFIGURED, BootstrapPolicy.decide(1, "root", "a-long-password"));
    }

    @Test
    void withoutConfigurationTheConsoleIsNotConfigured() {
        assertEquals(NOT_CONFIGURED, BootstrapPolicy.decide(0, null, null));
        assertEquals(NOT_CONFIGURED, BootstrapPolicy.decide(0, " ", ""));
    }

    @Test
    void refusesHalfOrWeakConfiguration() {
        assertEquals(INVALID, BootstrapPolicy.decide(0, "root", null));
        assertEquals(INVALID, BootstrapPolicy.decide(0, null, "a-long-password"));
        assertEquals(INVALID, BootstrapPolicy.decide(0, "root", "short"));
        assertEquals(INVALID, BootstrapPolicy.decide(0, "no spaces", "a-long-password"));
        assertEquals(INVALID, BootstrapPolicy.decide(0, "x".repeat(65), "a-long-password"));
    }

    @Test
    void usernamesAreNormalised() {
        assertEquals("root", BootstrapPolicy.normalise("  ROOT "));
    }
}

package im.universal.it.admin;

import java.util.UUID;

/**
 * The first operator the test ISPs are started with. The ISP reads {@code UIM_ADMIN_USER} /
 * {@code UIM_ADMIN_PASSWORD} (MicroProfile Config {@code uim.admin.user} / {@code uim.admin.password}); the
 * fixture that launches the ISPs passes these values, or system properties of the same names override both.
 */
final class AdminFixtures {
    static final String OPERATOR = System.getProperty("uim.admin.user", "operator");
    static final String OPERATOR_PASSWORD = System.getProperty("uim.admin.password", "operator-password-it");

    private AdminFixtures() {}

    /** A fresh username for one test (the federation is shared by every test class of the run). */
    static String user(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}

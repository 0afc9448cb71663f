package im.universal.admin.control;

import java.util.regex.Pattern;

/**
 * Whether the first operator is created from configuration ({@code uim.admin.user} / {@code uim.admin.password})
 * at start-up: only when no operator exists yet, and never with a default or a weak password.
 */
public final class BootstrapPolicy {
    public static final int MIN_PASSWORD = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** What start-up does about the first operator. */
    public enum Outcome {
        /** Creates the configured operator. */
        CREATE,
        /** Operators exist; configuration is ignored. */
        ALREADY_CONFIGURED,
        /** No operator and no configuration: the console says it is not configured. */
        NOT_CONFIGURED,
        /** Configuration present but unusable (bad username, short password): nothing is created. */
        INVALID
    }

    private BootstrapPolicy() {}

    public static Outcome decide(long operators, String user, String password) {
        if (operators > 0) {
            return Outcome.ALREADY_CONFIGURED;
        }
        boolean noUser = user == null || user.isBlank();
        boolean noPassword = password == null || password.isEmpty();
        if (noUser && noPassword) {
            return Outcome.NOT_CONFIGURED;
        }
        if (noUser || noPassword || !validUsername(normalise(user)) || password.length() < MIN_PASSWORD) {
            return Outcome.INVALID;
        }
        return Outcome.CREATE;
    }

    public static String normalise(String user) {
        return user == null ? null : user.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean validUsername(String user) {
        return user != null && USERNAME.matcher(user).matches();
    }
}

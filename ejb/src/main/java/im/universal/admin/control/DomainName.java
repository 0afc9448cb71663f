package im.universal.admin.control;

import im.universal.platform.ErrorCode;
import im.universal.platform.UimException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validates and normalises a domain an operator types (the block list). */
public final class DomainName {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private DomainName() {}

    /** Lower case, no surrounding blanks, no trailing dot; {@code invalid_request} unless a valid host name. */
    public static String normalise(String raw) {
        String domain = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.isEmpty() || domain.length() > 253) {
            throw invalid(raw);
        }
        for (String label : domain.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(raw);
            }
        }
        return domain;
    }

    private static UimException invalid(String raw) {
        return new UimException(ErrorCode.INVALID_REQUEST, "Not a domain name: " + raw);
    }
}

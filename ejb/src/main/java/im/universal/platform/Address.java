package im.universal.platform;

import java.util.Locale;

/**
 * A user address {@code local@domain}, normalised to lower case. The local part is 1-64 characters of
 * {@code a-z 0-9 . _ -} starting with a letter or digit; the domain is 1-253 characters of dot-separated labels,
 * each 1-63 characters of {@code a-z 0-9 -} that start and end with a letter or digit; anything else is refused,
 * never transliterated. The checks are loops over the characters, not regular expressions: every envelope from
 * another ISP parses several addresses (docs/benchmarks.md, finding 33; {@code AddressProperties} holds them
 * to the expressions).
 */
public record Address(String local, String domain) {
    static final int MAX_LOCAL = 64;
    static final int MAX_DOMAIN = 253;
    static final int MAX_LABEL = 63;

    public Address {
        if (!isValidLocal(local) || !isValidDomain(domain)) {
            throw new IllegalArgumentException("not a normalised address");
        }
    }

    /** Normalises a local part; returns null when it is not acceptable. */
    public static String normaliseLocal(String raw) {
        if (raw == null) {
            return null;
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        return isValidLocal(lower) ? lower : null;
    }

    public static boolean isValidLocal(String local) {
        if (local == null || local.isEmpty() || local.length() > MAX_LOCAL || !isLetterOrDigit(local.charAt(0))) {
            return false;
        }
        for (int i = 1; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!isLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    public static boolean isValidDomain(String domain) {
        if (domain == null || domain.isEmpty() || domain.length() > MAX_DOMAIN) {
            return false;
        }
        int start = 0;
        while (true) {
            int dot = domain.indexOf('.', start);
            int end = dot < 0 ? domain.length() : dot;
            if (!isValidLabel(domain, start, end)) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
    }

    /** {@code domain.substring(from, to)} is a label: 1-63 of {@code a-z 0-9 -}, a letter or digit at each end. */
    private static boolean isValidLabel(String domain, int from, int to) {
        int length = to - from;
        if (length < 1
                || length > MAX_LABEL
                || !isLetterOrDigit(domain.charAt(from))
                || !isLetterOrDigit(domain.charAt(to - 1))) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = domain.charAt(i);
            if (!isLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code a-z} or {@code 0-9}: what a normalised address may start a part with. */
    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** Parses {@code local@domain} (any case); throws {@link UimException} {@code invalid_address} otherwise. */
    public static Address parse(String raw) {
        Address address = tryParse(raw);
        if (address == null) {
            throw new UimException(ErrorCode.INVALID_ADDRESS, "Not a valid address: expected local@domain");
        }
        return address;
    }

    /** Parses {@code local@domain}; null when it is not a valid address. */
    public static Address tryParse(String raw) {
        if (raw == null || raw.length() > 320) {
            return null;
        }
        int at = raw.indexOf('@');
        if (at <= 0 || at != raw.lastIndexOf('@')) {
            return null;
        }
        String local = raw.substring(0, at).toLowerCase(Locale.ROOT);
        String domain = raw.substring(at + 1).toLowerCase(Locale.ROOT);
        return isValidLocal(local) && isValidDomain(domain) ? new Address(local, domain) : null;
    }

    public boolean isIn(String ispDomain) {
        return domain.equals(ispDomain);
    }

    @Override
    public String toString() {
        return local + "@" + domain;
    }
}

package im.universal.platform;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A user address {@code local@domain}, normalised to lower case. The local part is 1-64 characters of
 * {@code a-z 0-9 . _ -} starting with a letter or digit; anything else is refused, never transliterated.
 */
public record Address(String local, String domain) {
    private static final Pattern LOCAL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

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
        return local != null && LOCAL.matcher(local).matches();
    }

    public static boolean isValidDomain(String domain) {
        return domain != null && DOMAIN.matcher(domain).matches();
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

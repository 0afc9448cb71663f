package im.universal.account.boundary;

/** Fired inside the registration's transaction; federation broadcasts listed registrations. */
public record AccountRegistered(String address, String displayName, boolean listed) {}

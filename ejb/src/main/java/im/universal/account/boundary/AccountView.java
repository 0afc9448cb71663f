package im.universal.account.boundary;

/** A registered account as the client sees it. */
public record AccountView(String address, String displayName, boolean listed) {}

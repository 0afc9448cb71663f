package im.universal.directory.boundary;

/** A directory search hit. {@code local} is true for users of this ISP. */
public record DirectoryEntryView(String address, String displayName, String domain, boolean local) {}

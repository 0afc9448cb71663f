package im.universal.directory.boundary;

import java.util.List;

/** One page of directory search results and how many entries match in all. */
public record DirectoryPage(List<DirectoryEntryView> entries, long total) {}

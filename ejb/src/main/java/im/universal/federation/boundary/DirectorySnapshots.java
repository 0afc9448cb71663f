package im.universal.federation.boundary;

import static im.universal.platform.JsonSupport.JSON;

import im.universal.directory.boundary.DirectoryEntryView;
import im.universal.directory.boundary.DirectoryService;
import im.universal.federation.control.EnvelopeType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/**
 * Directory snapshots for late joiners: an ISP that starts with no remote entries asks every ISP on the directory
 * topic; each answers into the asker's inbox with its listed users, in parts.
 */
@Stateless
public class DirectorySnapshots {
    static final int PART_SIZE = 500;

    @Inject
    DirectoryService directory;

    @Inject
    FederationGateway gateway;

    /** Asks every other ISP for its listed users. */
    public void request() {
        gateway.broadcast(
                EnvelopeType.DIRECTORY_SNAPSHOT_REQUEST,
                JSON.createObjectBuilder().build());
    }

    /** Announces this ISP to the federation (every start). */
    public void hello() {
        gateway.broadcast(EnvelopeType.ISP_HELLO, JSON.createObjectBuilder().build());
    }

    /** Answers a newcomer's hello, so that it knows this ISP too. */
    public void welcome(String domain) {
        gateway.send(
                domain, EnvelopeType.ISP_WELCOME, JSON.createObjectBuilder().build());
    }

    /** Sends this ISP's listed users to {@code domain}'s inbox. */
    public void answer(String domain) {
        String after = "";
        List<DirectoryEntryView> page;
        do {
            page = directory.localListedAfter(after, PART_SIZE);
            if (page.isEmpty()) {
                break;
            }
            JsonArrayBuilder entries = JSON.createArrayBuilder();
            page.forEach(e -> entries.add(
                    JSON.createObjectBuilder().add("address", e.address()).add("displayName", e.displayName())));
            gateway.send(
                    domain,
                    EnvelopeType.DIRECTORY_SNAPSHOT,
                    JSON.createObjectBuilder().add("entries", entries).build());
            after = page.get(page.size() - 1).address();
        } while (page.size() == PART_SIZE);
    }
}

package im.universal.session.boundary;

import im.universal.contact.boundary.ContactService;
import im.universal.contact.boundary.ContactView;
import im.universal.message.boundary.MessageService;
import im.universal.presence.boundary.PresenceService;
import im.universal.push.boundary.ClientConnection;
import im.universal.push.entity.MessagePush;
import im.universal.session.control.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.function.Function;

/**
 * The start of a client connection, in one transaction: its token is authenticated, the connection is opened for
 * the caller, the user comes online, and what the {@code ready} frame and the first page of the offline backlog
 * need is read; the contact list read for the {@code ready} frame also says whom to tell. A reconnect was four EJB
 * calls and transactions and two reads of the contacts before (docs/benchmarks.md, finding 20).
 */
@Stateless
public class ConnectionStart {
    /** What a started connection is sent first: its contact list, then its offline messages, oldest first. */
    public record Started(ClientConnection connection, List<ContactView> contacts, List<MessagePush> backlog) {}

    // by @EJB, not @Inject: the container's own references, without Weld's proxy, which makes Payara create and
    // catch an exception on every call (finding 10)
    @EJB
    SessionService sessions;

    @EJB
    PresenceService presence;

    @EJB
    ContactService contacts;

    @EJB
    MessageService messages;

    /**
     * Authenticates {@code token} ({@code unauthorized} if it is not live, before anything is opened) and opens the
     * connection with {@code open}. If anything fails after that, the caller closes the connection {@code open}
     * made, and its close takes the user offline again.
     */
    public Started start(String token, Function<Caller, ClientConnection> open) {
        Caller caller = sessions.authenticate(token);
        ClientConnection connection = open.apply(caller);
        boolean first = presence.register(connection);
        List<ContactView> list = contacts.list(caller);
        if (first) {
            presence.cameOnline(
                    caller.address(),
                    list.stream()
                            .filter(ContactView::accepted)
                            .map(ContactView::address)
                            .toList());
        }
        return new Started(connection, list, messages.pending(caller.address().toString()));
    }
}

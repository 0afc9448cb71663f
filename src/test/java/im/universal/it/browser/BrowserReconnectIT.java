package im.universal.it.browser;

import static im.universal.it.support.Fixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import im.universal.it.support.ApiClient;
import im.universal.it.support.Await;
import im.universal.it.support.Federation;
import im.universal.it.support.FederationExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The network between Carol's browser and alpha.test is a {@link SocketProxy}: the test cuts her WebSocket on the
 * server side, keeps the line down for a while, and loses acks on the way. Her client must reconnect by itself,
 * get what Dave (beta.test, in his own browser) sent meanwhile exactly once, and resend what was never acked
 * without Dave seeing it twice. Screenshots: it/target/screenshots/reconnect-*.png.
 */
@ExtendWith({Browser.Required.class, FederationExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserReconnectIT {

    @RegisterExtension
    final Scenario scenario = new Scenario("reconnect");

    private SocketProxy line;
    private ChatPage carol;
    private ChatPage dave;
    private String carolAddress;
    private String daveAddress;

    @BeforeAll
    void setUp(Federation federation) {
        // Setup over REST: carol@alpha and dave@beta are contacts already
        String carolName = Scenario.uniqueUser("carol");
        String daveName = Scenario.uniqueUser("dave");
        ApiClient alphaApi = federation.alpha().api();
        ApiClient betaApi = federation.beta().api();
        carolAddress = alphaApi.register(carolName, PASSWORD, "Carol", true).getString("address");
        daveAddress = betaApi.register(daveName, PASSWORD, "Dave", true).getString("address");
        String carolToken = alphaApi.login(carolName, PASSWORD);
        String daveToken = betaApi.login(daveName, PASSWORD);
        assertEquals(
                202, alphaApi.put("api/v1/contacts/" + daveAddress, carolToken).status());
        Await.until("dave got carol's request", ChatPage.HOP, () -> "pending-in"
                .equals(betaApi.contactState(daveToken, carolAddress)));
        assertEquals(
                204,
                betaApi.post("api/v1/contacts/" + carolAddress + "/approve", null, daveToken)
                        .status());
        Await.until("carol sees dave accepted", ChatPage.HOP, () -> "accepted"
                .equals(alphaApi.contactState(carolToken, daveAddress)));

        line = new SocketProxy(federation.alpha().port());
        carol = new ChatPage(scenario.browser(Browser.desktop("carol")), line.baseUri());
        dave = new ChatPage(
                scenario.browser(Browser.desktop("dave")), federation.beta().baseUri());
        carol.open().login(carolName);
        dave.open().login(daveName);
        carol.awaitPresence(daveAddress, "available");
        dave.awaitPresence(carolAddress, "available");
        carol.openChat(daveAddress);
        dave.openChat(carolAddress);
    }

    @AfterAll
    void tearDown() {
        scenario.close();
        if (line != null) {
            line.close();
        }
    }

    @Test
    @Order(1)
    void reconnectsAfterTheServerSideIsCutAndGetsWhatWasSentMeanwhileOnce() {
        // Execute: the line goes down and stays down; dave writes meanwhile
        int before = line.handshakes();
        line.refuseWebSockets(true);
        line.cutWebSockets();
        dave.awaitPresence(carolAddress, "offline"); // alpha saw the socket close
        carol.browser().await("carol's client notices", d -> !"online".equals(carol.connState()));
        carol.browser().await("carol's client retries by itself", ChatPage.HOP, d -> line.handshakes() > before);
        scenario.shoot("01-line-down");
        dave.send("written while your line was down");
        dave.awaitStatus("written while your line was down", "accepted");

        // the line comes back: no click, no reload
        line.refuseWebSockets(false);
        carol.browser().await("carol back online", Duration.ofSeconds(60), d -> "online".equals(carol.connState()));

        // Verify: the message arrives, once; and dave sees carol again
        carol.awaitMessage("written while your line was down");
        dave.awaitPresence(carolAddress, "available");
        dave.send("and this one after");
        carol.awaitMessage("and this one after");
        assertEquals(1, carol.messages("written while your line was down").size());
        dave.awaitStatus("written while your line was down", "read");
        scenario.shoot("02-reconnected");
    }

    @Test
    @Order(2)
    void resendsWhatWasNotAckedWithoutDuplicating() {
        // Setup: from now on nothing alpha sends reaches carol's browser (the ack will be lost)
        line.dropServerFramesOnOpenWebSockets();

        // Execute: carol sends; the server takes it (dave gets it) but carol never hears the ack
        carol.send("sent just before the line broke");
        dave.awaitMessage("sent just before the line broke");
        assertEquals(
                "pending", carol.awaitMessage("sent just before the line broke").getAttribute("data-status"));
        scenario.shoot("03-ack-lost");
        line.cutWebSockets();

        // Verify: carol reconnects, resends with the same id and gets it acked; dave still has it once
        carol.browser().await("carol back online", Duration.ofSeconds(60), d -> "online".equals(carol.connState()));
        carol.awaitStatus("sent just before the line broke", "accepted", "delivered", "read");
        carol.send("a later one");
        dave.awaitMessage("a later one");
        assertEquals(1, dave.messages("sent just before the line broke").size());
        assertEquals(1, carol.messages("sent just before the line broke").size());
        scenario.shoot("04-resent-once");
    }

    @Test
    @Order(3)
    void noticesASilentLineByItselfAndRecovers() {
        // Setup: the TCP connection stays open but nothing from alpha gets through any more (no FIN, no RST)
        int before = line.handshakes();
        line.dropServerFramesOnOpenWebSockets();

        // Execute: carol writes into the silent line
        carol.send("sent into a silent line");
        dave.awaitMessage("sent into a silent line");

        // Verify: her pings go unanswered, so she drops the line and reconnects without help, then resends once
        carol.browser()
                .await(
                        "carol's client gives up the silent line",
                        Duration.ofSeconds(60),
                        d -> line.handshakes() > before);
        carol.browser().await("carol back online", Duration.ofSeconds(60), d -> "online".equals(carol.connState()));
        carol.awaitStatus("sent into a silent line", "accepted", "delivered", "read");
        carol.send("after the silence");
        dave.awaitMessage("after the silence");
        assertEquals(1, dave.messages("sent into a silent line").size());
        scenario.shoot("05-silent-line-recovered");
    }
}

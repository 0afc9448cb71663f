package im.universal.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.universal.it.support.Federation;
import im.universal.it.support.FederationExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Alice on alpha.test and Bob on beta.test, each in a headless Chromium, use the browser client as people would:
 * register, log in, find each other in the directory, become contacts, chat both ways, watch presence change,
 * get what was sent while they were away, and see hostile markup as plain text. Screenshots of every step land in
 * it/target/screenshots/chat-*.png.
 */
@ExtendWith({Browser.Required.class, FederationExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserChatIT {

    private static final String XSS = "<img src=x onerror=alert(1)>";

    @RegisterExtension
    final Scenario scenario = new Scenario("chat");

    private final String aliceName = Scenario.uniqueUser("alice");
    private final String bobName = Scenario.uniqueUser("bob");
    private ChatPage alice;
    private ChatPage bob;
    private String aliceAddress;
    private String bobAddress;

    @BeforeAll
    void openBrowsers(Federation federation) {
        alice = new ChatPage(
                scenario.browser(Browser.desktop("alice")), federation.alpha().baseUri());
        bob = new ChatPage(
                scenario.browser(Browser.phone("bob")), federation.beta().baseUri());
        aliceAddress = aliceName + "@" + Federation.ALPHA;
        bobAddress = bobName + "@" + Federation.BETA;
    }

    @AfterAll
    void closeBrowsers() {
        scenario.close();
    }

    @Test
    @Order(1)
    void registerAndLogIn() {
        String refused = alice.open().registerRefused(aliceName, "short");
        assertTrue(refused.startsWith("weak_password: ") && refused.contains("at least 8 characters"), refused);
        assertEquals(List.of(), alice.controlsWithoutAccessibleName(), "controls without an accessible name");
        alice.register(aliceName, "Alice Liddell");
        bob.open().register(bobName, "Bob Builder");
        scenario.shoot("01-registered");

        alice.login(aliceName);
        bob.login(bobName);

        assertEquals(aliceAddress, alice.address());
        assertEquals(bobAddress, bob.address());
        assertEquals(List.of(), alice.controlsWithoutAccessibleName(), "controls without an accessible name");
        assertEquals(List.of(), bob.controlsWithoutAccessibleName(), "controls without an accessible name (phone)");
        scenario.shoot("02-logged-in");
    }

    @Test
    @Order(2)
    void findEachOtherAndBecomeContacts() {
        WebElement hit = alice.findInDirectory(bobName, bobAddress);
        assertTrue(hit.getText().contains("beta.test"), "the result says which ISP Bob is on: " + hit.getText());
        scenario.shoot("03-directory");

        alice.addFromDirectory(bobName, bobAddress);
        bob.approve(aliceAddress);
        alice.awaitContactState(bobAddress, "accepted");
        alice.awaitPresence(bobAddress, "available");
        bob.awaitPresence(aliceAddress, "available");
        scenario.shoot("04-contacts");
    }

    @Test
    @Order(3)
    void chatBothWays() {
        alice.openChat(bobAddress);
        alice.send("Hi Bob, over from alpha!");
        alice.awaitStatus("Hi Bob, over from alpha!", "accepted", "delivered", "read");

        bob.awaitUnread(aliceAddress, "1");
        bob.openChat(aliceAddress);
        bob.awaitMessage("Hi Bob, over from alpha!");
        alice.awaitStatus("Hi Bob, over from alpha!", "read");

        bob.browser().byId("chat-input").sendKeys("typing");
        alice.browser()
                .await("typing indicator", ChatPage.HOP, d -> alice.typing().contains("typing"));
        scenario.shoot("05-typing");
        bob.browser().byId("chat-input").clear();
        bob.send("Hello Alice, greetings from beta 👋");
        alice.awaitMessage("Hello Alice, greetings from beta 👋");
        assertEquals(1, alice.messages("Hello Alice, greetings from beta 👋").size());
        scenario.shoot("06-chat");
    }

    @Test
    @Order(4)
    void theSessionSurvivesAReload() {
        alice.browser().driver().navigate().refresh();

        alice.awaitOnline();
        assertEquals(bobAddress, alice.browser().byId("chat-with").getText());
        alice.awaitMessage("Hi Bob, over from alpha!"); // history, from the server
        alice.awaitMessage("Hello Alice, greetings from beta 👋");
        assertEquals(1, alice.messages("Hi Bob, over from alpha!").size());
    }

    @Test
    @Order(5)
    void markupInAMessageIsShownAsText() {
        bob.browser()
                .js("window.__alerts = []; window.alert = (m) => window.__alerts.push(String(m));"
                        + " window.__csp = []; document.addEventListener('securitypolicyviolation',"
                        + " (e) => window.__csp.push(e.violatedDirective));");
        alice.send(XSS);
        WebElement shown = bob.awaitMessage(XSS);

        assertEquals(XSS, shown.findElement(By.cssSelector(".body")).getText());
        assertEquals(0L, bob.browser().js("return document.querySelectorAll('#chat-log img').length"));
        assertEquals(0L, bob.browser().js("return document.querySelectorAll('img').length"));
        assertEquals(List.of(), bob.browser().js("return window.__alerts"), "no alert ran");
        assertEquals(List.of(), bob.browser().js("return window.__csp"), "nothing even tried to run");
        scenario.shoot("07-markup-as-text");
    }

    @Test
    @Order(6)
    void presenceFollowsStatusChangesAndLogout() {
        bob.setPresence("away", "out for lunch");
        alice.awaitPresence(bobAddress, "away");
        alice.browser().await("bob's status text", ChatPage.HOP, d -> alice.contact(bobAddress)
                .getText()
                .contains("out for lunch"));
        scenario.shoot("08-bob-away");

        bob.logout();
        alice.awaitPresence(bobAddress, "offline");
        String info = alice.contact(bobAddress).getText();
        assertTrue(info.contains("last seen"), "offline contact shows when it was last seen: " + info);
        scenario.shoot("09-bob-offline");
    }

    @Test
    @Order(7)
    void messagesSentWhileOfflineArriveAfterLogin() {
        alice.send("sent while you were away (1)");
        alice.send("sent while you were away (2)");
        alice.awaitStatus("sent while you were away (2)", "accepted");

        bob.login(bobName);
        bob.awaitUnread(aliceAddress, "2");
        scenario.shoot("10-bob-back-unread");
        bob.openChat(aliceAddress);
        WebElement first = bob.awaitMessage("sent while you were away (1)");
        WebElement second = bob.awaitMessage("sent while you were away (2)");
        assertTrue(first.getLocation().getY() < second.getLocation().getY(), "oldest first");
        assertEquals(1, bob.messages("sent while you were away (1)").size());
        alice.awaitPresence(bobAddress, "available");
        alice.awaitStatus("sent while you were away (2)", "read");
        scenario.shoot("11-offline-messages");
        assertEquals(List.of(), alice.consoleErrors(), "alice's console");
        assertEquals(List.of(), bob.consoleErrors(), "bob's console");
    }

    @Test
    @Order(8)
    void aNewDisplayNameReachesTheOtherIsp() {
        String renamed = "Alice <b>Liddell</b>";
        alice.editProfile(renamed, true);
        scenario.shoot("12-profile");

        WebElement hit = bob.awaitDirectoryName(aliceName, aliceAddress, renamed);
        assertTrue(hit.getText().contains(renamed), "shown as text: " + hit.getText());
        assertEquals(0L, bob.browser().js("return document.querySelectorAll('#search-results b').length"));
        scenario.shoot("13-renamed-in-beta-directory");
        assertEquals(List.of(), alice.consoleErrors(), "alice's console");
    }
}

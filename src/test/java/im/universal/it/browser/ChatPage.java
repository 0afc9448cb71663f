package im.universal.it.browser;

import im.universal.it.support.Fixtures;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The browser client (web/src/main/webapp) as one user sees it, driven by the ids and data attributes the page
 * documents at the top of index.html. Each action waits for its visible effect.
 */
final class ChatPage {

    /** Cross-ISP effects (directory broadcast, contact requests, messages) take a broker hop or two. */
    static final Duration HOP = Fixtures.FEDERATION_HOP.plusSeconds(15);

    private final Browser browser;
    private final URI base;
    private String address;

    ChatPage(Browser browser, URI base) {
        this.browser = browser;
        this.base = base;
    }

    Browser browser() {
        return browser;
    }

    String address() {
        return address;
    }

    ChatPage open() {
        browser.open(base);
        browser.await("client started", d -> "yes".equals(browser.js("return document.body.dataset.ready")));
        return this;
    }

    /** Registers through the form and waits for the confirmation. */
    ChatPage register(String username, String displayName) {
        type("reg-username", username);
        type("reg-password", Fixtures.PASSWORD);
        type("reg-displayname", displayName);
        browser.byId("reg-submit").click();
        browser.await("account " + username + " created", d -> statusText().contains("created"));
        return this;
    }

    /** Logs in through the form (universal mode) and waits until the socket is online. */
    ChatPage login(String username) {
        type("login-username", username);
        type("login-password", Fixtures.PASSWORD);
        browser.byId("login-password").sendKeys(Keys.ENTER); // the keyboard submits the form
        awaitOnline();
        address = browser.byId("me").getText();
        return this;
    }

    void awaitOnline() {
        browser.await("connection online", HOP, d -> "online".equals(connState()));
    }

    String connState() {
        return browser.byId("conn").getAttribute("data-state");
    }

    void logout() {
        browser.byId("logout").click();
        browser.visible("login-username");
    }

    /** Searches the directory until {@code address} is listed (the registration travels between ISPs). */
    WebElement findInDirectory(String query, String address) {
        return browser.await("directory lists " + address, HOP, d -> {
            if (!browser.byId("search-submit").isEnabled()) {
                return null; // a search is on its way: let its results settle
            }
            List<WebElement> hits = browser.all("#search-results li.result[data-address='" + address + "']");
            if (!hits.isEmpty()) {
                return hits.get(0);
            }
            type("search-q", query);
            browser.byId("search-submit").click();
            return null;
        });
    }

    /** Searches until the directory shows {@code address} under {@code displayName}; returns the result. */
    WebElement awaitDirectoryName(String query, String address, String displayName) {
        showList();
        return browser.await(address + " listed as " + displayName, HOP, d -> {
            WebElement hit = findInDirectory(query, address);
            if (hit.getText().contains(displayName)) {
                return hit;
            }
            browser.byId("search-submit").click();
            return null;
        });
    }

    /** Opens "My profile", sets the display name and the listing, saves, and waits for the confirmation. */
    void editProfile(String displayName, boolean listed) {
        showList();
        WebElement panel = browser.byId("profile-panel");
        if (panel.getAttribute("open") == null) {
            panel.findElement(By.tagName("summary")).click();
        }
        browser.await("profile loaded", d -> !browser.visible("profile-displayname")
                .getAttribute("value")
                .isEmpty());
        type("profile-displayname", displayName);
        WebElement box = browser.byId("profile-listed");
        if (box.isSelected() != listed) {
            box.click();
        }
        browser.byId("profile-submit").click();
        browser.await("profile saved", d -> statusText().contains("Profile saved: " + displayName));
    }

    void addFromDirectory(String query, String address) {
        browser.await("asked " + address, d -> {
            findInDirectory(query, address)
                    .findElement(By.cssSelector("button.add"))
                    .click();
            return true;
        });
        awaitContactState(address, "pending-out");
    }

    WebElement contact(String address) {
        return browser.await("contact " + address + " listed", HOP, d -> {
            List<WebElement> found = browser.all(contactSelector(address));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    void awaitContactState(String address, String state) {
        browser.await(
                address + " in state " + state,
                HOP,
                d -> state.equals(contact(address).getAttribute("data-state")));
    }

    void awaitPresence(String address, String show) {
        browser.await(
                address + " shown as " + show,
                HOP,
                d -> show.equals(contact(address).getAttribute("data-show")));
    }

    void approve(String address) {
        awaitContactState(address, "pending-in");
        contact(address).findElement(By.cssSelector("button.approve")).click();
        awaitContactState(address, "accepted");
    }

    /** On a phone the list and the chat take turns: back to the list if the chat is showing. */
    void showList() {
        WebElement back = browser.byId("chat-back");
        if (back.isDisplayed()) {
            back.click();
            browser.visible("contacts-title");
        }
    }

    void setPresence(String show, String status) {
        showList();
        new Select(browser.byId("presence-show")).selectByValue(show);
        type("presence-status", status);
        browser.byId("presence-submit").click();
        browser.await(
                "own presence " + show,
                d -> show.equals(browser.byId("my-presence").getAttribute("data-show")));
    }

    /** Submits the registration form expecting it to be refused; returns the error shown. */
    String registerRefused(String username, String password) {
        type("reg-username", username);
        type("reg-password", password);
        browser.byId("reg-submit").click();
        return browser.await("an error shown", d -> {
            List<WebElement> errors = browser.all("#status-area .entry.error");
            return errors.isEmpty()
                    ? null
                    : errors.get(0).getAttribute("data-code") + ": "
                            + errors.get(0).getText();
        });
    }

    /**
     * Errors the page logged to the console: script errors and CSP violations. HTTP error answers the client
     * expects (a refused registration: "Failed to load resource ... 400") are not counted.
     */
    List<String> consoleErrors() {
        return browser.consoleLog()
                .lines()
                .filter(l -> l.contains(" SEVERE]") && !l.contains("Failed to load resource"))
                .toList();
    }

    /** Visible controls without an accessible name (as Chromium computes it), described for a failure message. */
    List<String> controlsWithoutAccessibleName() {
        return browser.all("button, input, select, textarea, a[href]").stream()
                .filter(WebElement::isDisplayed)
                .filter(e ->
                        e.getAccessibleName() == null || e.getAccessibleName().isBlank())
                .map(e -> e.getTagName() + "#" + e.getAttribute("id") + "." + e.getAttribute("class"))
                .toList();
    }

    void openChat(String address) {
        showList();
        contact(address).findElement(By.cssSelector("button.open")).click();
        browser.await(
                "chat with " + address + " open",
                d -> address.equals(browser.byId("chat-with").getText()));
    }

    /** Types and sends with Enter; returns at once (the message shows as pending until acked). */
    void send(String body) {
        WebElement input = browser.byId("chat-input");
        if (body.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
            // some ChromeDriver versions type only characters of the Basic Multilingual Plane (no emoji); the
            // browser's own text insertion fires the same input events as typing
            browser.js("arguments[0].focus(); document.execCommand('insertText', false, arguments[1]);", input, body);
        } else {
            input.sendKeys(body);
        }
        input.sendKeys(Keys.ENTER);
        browser.await(
                "message typed away",
                d -> browser.byId("chat-input").getAttribute("value").isEmpty());
    }

    /** The log entries of the open chat whose body is exactly {@code body}. */
    List<WebElement> messages(String body) {
        return browser.all("#chat-log li.msg").stream()
                .filter(li ->
                        body.equals(li.findElement(By.cssSelector(".body")).getText()))
                .toList();
    }

    WebElement awaitMessage(String body) {
        return browser.await("message '" + body + "' shown", HOP, d -> {
            List<WebElement> found = messages(body);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** Waits until my message {@code body} reached {@code status} (accepted, delivered or read) or beyond. */
    void awaitStatus(String body, String... statuses) {
        List<String> wanted = List.of(statuses);
        browser.await(
                "'" + body + "' in status " + wanted,
                HOP,
                d -> wanted.contains(awaitMessage(body).getAttribute("data-status")));
    }

    String unread(String address) {
        WebElement badge = contact(address).findElement(By.cssSelector(".unread"));
        return badge.isDisplayed() ? badge.getText() : "";
    }

    void awaitUnread(String address, String count) {
        browser.await(address + " shows " + count + " unread", HOP, d -> count.equals(unread(address)));
    }

    String statusText() {
        return browser.byId("status-area").getText();
    }

    String typing() {
        return browser.byId("chat-typing").getText();
    }

    private void type(String id, String text) {
        WebElement input = browser.visible(id);
        input.clear();
        if (!Objects.requireNonNullElse(text, "").isEmpty()) {
            input.sendKeys(text);
        }
    }

    private static String contactSelector(String address) {
        return "#contacts li.contact[data-address='" + address + "']";
    }
}

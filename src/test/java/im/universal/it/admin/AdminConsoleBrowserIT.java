package im.universal.it.admin;

import static im.universal.it.admin.AdminFixtures.OPERATOR;
import static im.universal.it.admin.AdminFixtures.OPERATOR_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import im.universal.it.browser.Browser;
import im.universal.it.support.ApiClient;
import im.universal.it.support.Federation;
import im.universal.it.support.FederationExtension;
import im.universal.it.support.Fixtures;
import im.universal.it.support.WsClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console in headless Chromium, as an operator uses it: log in, find a user, disable them (their open
 * WebSocket is closed with 1008), kick another user's session, see beta.test with directory entries on the
 * federation page. Screenshots: it/target/screenshots/admin-*.png.
 */
@ExtendWith({Browser.Required.class, FederationExtension.class})
class AdminConsoleBrowserIT {
    private static final Duration CLOSE = Duration.ofSeconds(15);

    @Test
    void operatorFindsDisablesKicksAndSeesTheFederation(Federation federation) {
        // Setup: hank and ivy are connected on alpha; someone listed on beta
        ApiClient alpha = federation.alpha().api();
        String hank = AdminFixtures.user("hank");
        String ivy = AdminFixtures.user("ivy");
        alpha.register(hank, Fixtures.PASSWORD, "Hank", true);
        alpha.register(ivy, Fixtures.PASSWORD, "Ivy", true);
        federation.beta().api().register(AdminFixtures.user("beta"), Fixtures.PASSWORD, "On beta", true);
        URI base = federation.alpha().baseUri();

        try (WsClient hankSocket = WsClient.connect(hank, alpha.webSocketUri());
                WsClient ivySocket = WsClient.connect(ivy, alpha.webSocketUri());
                Browser browser = Browser.desktop("operator")) {
            hankSocket.authenticate(alpha.login(hank, Fixtures.PASSWORD));
            ivySocket.authenticate(alpha.login(ivy, Fixtures.PASSWORD));
            try {
                // log in: the console sends a stranger to its login page
                browser.open(base.resolve("admin/"));
                browser.await("login page", d -> d.getCurrentUrl().endsWith("/admin/login.html"));
                browser.visible("username").sendKeys(OPERATOR);
                browser.byId("password").sendKeys(OPERATOR_PASSWORD);
                browser.screenshot("admin-01-login");
                browser.byId("login").click();
                browser.await(
                        "overview with numbers",
                        d -> browser.byId("operator").getText().equals(OPERATOR)
                                && !browser.all("#overview-stats dd").isEmpty());
                browser.screenshot("admin-02-overview");

                // find hank and disable him
                page(browser, "accounts");
                browser.visible("accounts-q").sendKeys(hank);
                browser.driver()
                        .findElement(By.cssSelector("#accounts-search button"))
                        .click();
                String hankRow = "#accounts-rows tr[data-address='" + hank + "@alpha.test']";
                browser.await("hank found", d -> !browser.all(hankRow).isEmpty());
                browser.screenshot("admin-03-found");
                browser.driver()
                        .findElement(By.cssSelector(hankRow + " button[data-action='disable']"))
                        .click();
                browser.await("hank shown disabled", d -> browser.all(hankRow + " td.status").stream()
                        .anyMatch(td -> td.getText().equals("disabled")));
                assertEquals(1008, hankSocket.awaitClose(CLOSE), hankSocket::describe);
                browser.screenshot("admin-04-disabled");

                // kick ivy's session
                page(browser, "sessions");
                browser.visible("sessions-q").sendKeys(ivy);
                browser.driver()
                        .findElement(By.cssSelector("#sessions-search button"))
                        .click();
                String ivyRow = "#sessions-rows tr[data-address='" + ivy + "@alpha.test']";
                browser.await("ivy's session listed", d -> !browser.all(ivyRow).isEmpty());
                browser.screenshot("admin-05-sessions");
                browser.driver()
                        .findElement(By.cssSelector(ivyRow + " button[data-action='kick']"))
                        .click();
                browser.await("ivy's session gone", d -> browser.all(ivyRow).isEmpty());
                assertEquals(1008, ivySocket.awaitClose(CLOSE), ivySocket::describe);

                // the federation page lists beta.test with entries
                page(browser, "federation");
                browser.await("beta.test with directory entries", Fixtures.FEDERATION_HOP, d -> {
                    List<WebElement> cells = browser.all("#isp-rows tr[data-domain='beta.test'] td.entries");
                    if (!cells.isEmpty() && Long.parseLong(cells.get(0).getText()) > 0) {
                        return true;
                    }
                    d.navigate().refresh();
                    return false;
                });
                browser.screenshot("admin-06-federation");

                page(browser, "audit");
                browser.await("audit rows", d -> browser.all("#audit-rows tr").size() >= 2);
                browser.screenshot("admin-07-audit");
                String console = browser.consoleLog();
                assertFalse(console.contains("Content Security Policy"), console);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshotQuietly("admin-failure");
                throw new AssertionError(e.getMessage() + "\n" + browser.consoleLog(), e);
            }
        }
    }

    private static void page(Browser browser, String name) {
        browser.driver()
                .findElement(By.cssSelector("nav a[data-page='" + name + "']"))
                .click();
        browser.await(name + " page", d -> browser.byId("page-" + name).isDisplayed());
    }
}

package im.universal.it.admin;

import static im.universal.it.admin.AdminFixtures.OPERATOR;
import static im.universal.it.admin.AdminFixtures.OPERATOR_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.universal.it.support.ApiClient;
import im.universal.it.support.Await;
import im.universal.it.support.Federation;
import im.universal.it.support.FederationExtension;
import im.universal.it.support.Fixtures;
import im.universal.it.support.Frames;
import im.universal.it.support.Json;
import im.universal.it.support.WsClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin console's API over the wire, on the shared two-ISP federation: operator login, who may not get in,
 * disabling (the user's open WebSocket is closed with 1008), kicking one session, the federation page's data,
 * the block list, deletion broadcast to the other ISP, and the audit rows every change leaves.
 */
@ExtendWith(FederationExtension.class)
class AdminConsoleIT {
    private static final Duration CLOSE = Duration.ofSeconds(15);

    private Federation federation;
    private ApiClient alphaApi;
    private AdminClient admin;

    @BeforeEach
    void operatorLogsIn(Federation federation) {
        this.federation = federation;
        this.alphaApi = federation.alpha().api();
        this.admin = new AdminClient(federation.alpha().baseUri());
        AdminClient.Raw login = admin.login(OPERATOR, OPERATOR_PASSWORD);
        assertEquals(
                200, login.status(), () -> "operator login (is UIM_ADMIN_USER/PASSWORD passed to the ISPs?) " + login);
    }

    @Test
    void operatorLoginGivesAStrictHttpOnlySessionCookieAndACsrfToken() {
        AdminClient fresh = new AdminClient(federation.alpha().baseUri());
        AdminClient.Raw wrong = fresh.login(OPERATOR, "not-the-password");
        assertEquals(401, wrong.status(), wrong::toString);
        assertEquals("invalid_credentials", wrong.errorCode());

        AdminClient.Raw ok = fresh.login(OPERATOR, OPERATOR_PASSWORD);

        assertEquals(200, ok.status(), ok::toString);
        assertEquals(OPERATOR, Json.str(ok.json(), "operator"));
        assertNotNull(Json.str(ok.json(), "csrfToken"));
        String cookie = ok.headers("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + ok.headers("Set-Cookie")));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertEquals(200, fresh.get("api/admin/v1/overview").status());
    }

    @Test
    void nonOperatorsGet401Or403OnEveryAdminUrlAndSeeOnlyTheLoginPage() {
        // Setup: an IM user with a valid bearer token
        String user = AdminFixtures.user("nonop");
        alphaApi.register(user, Fixtures.PASSWORD, "Not an operator", false);
        String token = alphaApi.login(user, Fixtures.PASSWORD);
        URI base = federation.alpha().baseUri();
        List<String[]> calls = List.of(
                new String[] {"GET", "api/admin/v1/overview"},
                new String[] {"GET", "api/admin/v1/accounts"},
                new String[] {"GET", "api/admin/v1/sessions"},
                new String[] {"GET", "api/admin/v1/federation"},
                new String[] {"GET", "api/admin/v1/blocked-domains"},
                new String[] {"GET", "api/admin/v1/audit"},
                new String[] {"GET", "api/admin/v1/me"},
                new String[] {"POST", "api/admin/v1/accounts/" + user + "@alpha.test/disable"},
                new String[] {"DELETE", "api/admin/v1/sessions/1"},
                new String[] {"GET", "admin/"},
                new String[] {"GET", "admin/index.html"},
                new String[] {"GET", "admin/admin.js"});

        for (String[] call : calls) {
            // Execute + Verify: an IM user's token is identified, but is not an operator
            AdminClient.Raw withToken = AdminClient.withBearer(base, call[0], call[1], token);
            assertEquals(403, withToken.status(), withToken::toString);
            assertEquals("forbidden", withToken.errorCode(), withToken::toString);
            // no credentials: 401 on the API, the login page for console pages
            AdminClient.Raw anonymous = AdminClient.withBearer(base, call[0], call[1], null);
            if (call[1].startsWith("api/")) {
                assertEquals(401, anonymous.status(), anonymous::toString);
                assertEquals("unauthorized", anonymous.errorCode(), anonymous::toString);
            } else {
                assertEquals(302, anonymous.status(), anonymous::toString);
                assertTrue(
                        anonymous.headers("Location").get(0).endsWith("/admin/login.html"),
                        anonymous.headers("Location")::toString);
            }
        }
        assertEquals(
                200,
                AdminClient.withBearer(base, "GET", "admin/login.html", null).status());
        JsonObject status =
                AdminClient.withBearer(base, "GET", "api/admin/v1/status", null).json();
        assertTrue(status.getBoolean("configured"));
        assertEquals(JsonValue.NULL, status.get("operator"));
    }

    @Test
    void stateChangingCallsNeedTheCsrfToken() {
        AdminClient.Raw refused = admin.callWithoutCsrf(
                "POST",
                "api/admin/v1/blocked-domains",
                Json.object().add("domain", "csrf.example").build());

        assertEquals(403, refused.status(), refused::toString);
        assertEquals("forbidden", refused.errorCode());
        assertTrue(admin.array("api/admin/v1/blocked-domains").stream()
                .noneMatch(b -> "csrf.example".equals(Json.str(b.asJsonObject(), "domain"))));
    }

    @Test
    void disablingAUserClosesTheirOpenWebSocketWith1008AndRevokesTheirTokens() {
        // Setup: dave is connected
        String dave = AdminFixtures.user("dave");
        String address = dave + "@alpha.test";
        alphaApi.register(dave, Fixtures.PASSWORD, "Dave", true);
        String token = alphaApi.login(dave, Fixtures.PASSWORD);
        try (WsClient socket = WsClient.connect(dave, alphaApi.webSocketUri())) {
            socket.authenticate(token);
            Await.until(address + " online in the console", Fixtures.LOCAL, () -> admin.accounts(dave).stream()
                    .anyMatch(a -> a.getBoolean("online")));

            // Execute
            AdminClient.Raw disabled = admin.call("POST", "api/admin/v1/accounts/" + address + "/disable", null);

            // Verify
            assertEquals(200, disabled.status(), disabled::toString);
            assertTrue(disabled.json().getBoolean("disabled"));
            assertEquals(1008, socket.awaitClose(CLOSE), socket::describe);
        }
        assertEquals(401, alphaApi.get("api/v1/contacts", token).status());
        ApiClient.Response login = alphaApi.post(
                "api/v1/sessions",
                Json.object()
                        .add("username", dave)
                        .add("password", Fixtures.PASSWORD)
                        .build(),
                null);
        assertEquals(403, login.status(), login::toString);
        assertEquals("account_disabled", login.errorCode());
        assertTrue(audited("account.disable", address));

        // and back
        assertEquals(
                200,
                admin.call("POST", "api/admin/v1/accounts/" + address + "/enable", null)
                        .status());
        alphaApi.login(dave, Fixtures.PASSWORD);
        assertTrue(audited("account.enable", address));
    }

    @Test
    void kickingASessionEndsItAndClosesOnlyItsSocket() {
        // Setup: erin on two devices
        String erin = AdminFixtures.user("erin");
        String address = erin + "@alpha.test";
        alphaApi.register(erin, Fixtures.PASSWORD, "Erin", false);
        String phoneToken = login(erin, "phone");
        String laptopToken = login(erin, "laptop");
        try (WsClient phone = WsClient.connect("phone", alphaApi.webSocketUri());
                WsClient laptop = WsClient.connect("laptop", alphaApi.webSocketUri())) {
            phone.authenticate(phoneToken);
            laptop.authenticate(laptopToken);
            JsonObject phoneSession =
                    Await.until("erin's phone session listed", Fixtures.LOCAL, () -> sessions(erin).stream()
                            .filter(s -> "phone".equals(Json.str(s, "device")) && s.getBoolean("connected"))
                            .findFirst());
            assertEquals(address, Json.str(phoneSession, "address"));
            assertEquals("universal", Json.str(phoneSession, "mode"));
            assertNotNull(Json.str(phoneSession, "startedAt"));
            assertEquals("127.0.0.1", Json.str(phoneSession, "remoteAddress"));

            // Execute
            AdminClient.Raw kicked =
                    admin.call("DELETE", "api/admin/v1/sessions/" + phoneSession.getJsonNumber("id"), null);

            // Verify
            assertEquals(204, kicked.status(), kicked::toString);
            assertEquals(1008, phone.awaitClose(CLOSE), phone::describe);
            laptop.send(Json.object().add("type", "ping").build());
            laptop.awaitFrame(Frames.type("pong"), Fixtures.LOCAL);
            assertFalse(laptop.isClosed());
        }
        assertEquals(401, alphaApi.get("api/v1/contacts", phoneToken).status());
        assertEquals(200, alphaApi.get("api/v1/contacts", laptopToken).status());
        assertTrue(sessions(erin).stream().noneMatch(s -> "phone".equals(Json.str(s, "device"))));
        assertTrue(audited("session.kick", address));
    }

    @Test
    void federationPageListsBetaWithItsDirectoryEntries() {
        // Setup: a listed user on beta, broadcast to alpha
        ApiClient betaApi = federation.beta().api();
        betaApi.register(AdminFixtures.user("fed"), Fixtures.PASSWORD, "Listed on beta", true);

        // Execute + Verify
        JsonObject beta = Await.until(
                "beta.test listed with entries on alpha's federation page", Fixtures.FEDERATION_HOP, () -> admin.isp(
                                Federation.BETA)
                        .filter(i -> i.getJsonNumber("directoryEntries").longValue() > 0));
        assertFalse(beta.getBoolean("local"));
        assertNotNull(Json.str(beta, "lastEnvelopeSeen"), beta::toString);
        JsonObject report = admin.object("api/admin/v1/federation");
        assertTrue(report.containsKey("rejectedByReason"));
        assertTrue(report.containsKey("inboxBacklogNote"));
        assertTrue(report.getJsonNumber("outboxPending").longValue() >= 0, "the outbox backlog is reported");
        JsonObject overview = admin.object("api/admin/v1/overview");
        assertTrue(overview.getJsonArray("directory").stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(d -> Federation.BETA.equals(Json.str(d, "domain"))
                        && d.getJsonNumber("entries").longValue() > 0));
    }

    @Test
    void blockedDomainsAreEditableAndAudited() {
        String domain = AdminFixtures.user("blk") + ".example";

        AdminClient.Raw added = admin.call(
                "POST",
                "api/admin/v1/blocked-domains",
                Json.object()
                        .add("domain", domain.toUpperCase())
                        .add("reason", "IT")
                        .build());

        assertEquals(200, added.status(), added::toString);
        assertEquals(domain, Json.str(added.json(), "domain"));
        assertTrue(blocked().contains(domain));
        assertEquals(
                400,
                admin.call(
                                "POST",
                                "api/admin/v1/blocked-domains",
                                Json.object().add("domain", "not a domain").build())
                        .status());

        AdminClient.Raw removed = admin.call("DELETE", "api/admin/v1/blocked-domains/" + domain, null);

        assertEquals(204, removed.status(), removed::toString);
        assertFalse(blocked().contains(domain));
        assertTrue(audited("federation.block", domain));
        assertTrue(audited("federation.unblock", domain));
    }

    @Test
    void deletingAnAccountRemovesItsDataAndTellsTheOtherIsp() {
        // Setup: frank on alpha is listed; beta sees him
        String frank = AdminFixtures.user("frank");
        String address = frank + "@alpha.test";
        alphaApi.register(frank, Fixtures.PASSWORD, "Frank", true);
        ApiClient betaApi = federation.beta().api();
        String watcher = AdminFixtures.user("watch");
        betaApi.register(watcher, Fixtures.PASSWORD, "Watcher", false);
        String betaToken = betaApi.login(watcher, Fixtures.PASSWORD);
        Await.until("frank in beta's directory", Fixtures.FEDERATION_HOP, () -> betaApi.directory(betaToken, frank)
                .contains(address));

        // Execute
        AdminClient.Raw deleted = admin.call("DELETE", "api/admin/v1/accounts/" + address, null);

        // Verify
        assertEquals(204, deleted.status(), deleted::toString);
        assertTrue(admin.accounts(frank).isEmpty());
        assertEquals(404, admin.get("api/admin/v1/accounts/" + address).status());
        Await.until(
                "frank gone from beta's directory", Fixtures.FEDERATION_HOP, () -> !betaApi.directory(betaToken, frank)
                        .contains(address));
        assertTrue(audited("account.delete", address));
    }

    @Test
    void operatorCreatesAnAccountAndResetsItsPassword() {
        String gina = AdminFixtures.user("gina");
        String address = gina + "@alpha.test";

        AdminClient.Raw created = admin.call(
                "POST",
                "api/admin/v1/accounts",
                Json.object()
                        .add("username", gina)
                        .add("password", Fixtures.PASSWORD)
                        .add("displayName", "Gina")
                        .build());
        assertEquals(201, created.status(), created::toString);
        String oldToken = alphaApi.login(gina, Fixtures.PASSWORD);

        AdminClient.Raw reset = admin.call("POST", "api/admin/v1/accounts/" + address + "/reset-password", null);

        assertEquals(200, reset.status(), reset::toString);
        String fresh = Json.str(reset.json(), "temporaryPassword");
        assertNotNull(fresh);
        assertEquals(401, alphaApi.get("api/v1/contacts", oldToken).status());
        alphaApi.login(gina, fresh);
        assertTrue(audited("account.create", address));
        assertTrue(audited("account.reset-password", address));
    }

    // ---- helpers ----

    private String login(String user, String device) {
        ApiClient.Response response = alphaApi.post(
                "api/v1/sessions",
                Json.object()
                        .add("username", user)
                        .add("password", Fixtures.PASSWORD)
                        .add("device", device)
                        .build(),
                null);
        assertEquals(201, response.status(), response::toString);
        return Json.str(response.json(), "token");
    }

    private List<JsonObject> sessions(String user) {
        return admin.array("api/admin/v1/sessions?q=" + user).stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    private List<String> blocked() {
        return admin.array("api/admin/v1/blocked-domains").stream()
                .map(b -> Json.str(b.asJsonObject(), "domain"))
                .toList();
    }

    private boolean audited(String action, String target) {
        return admin.audit().stream()
                .anyMatch(a -> action.equals(Json.str(a, "action"))
                        && target.equals(Json.str(a, "target"))
                        && OPERATOR.equals(Json.str(a, "actor"))
                        && Json.str(a, "at") != null);
    }
}

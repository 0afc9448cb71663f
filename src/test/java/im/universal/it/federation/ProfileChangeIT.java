package im.universal.it.federation;

import static im.universal.it.support.Fixtures.FEDERATION_HOP;
import static im.universal.it.support.Fixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import im.universal.it.support.ApiClient;
import im.universal.it.support.Await;
import im.universal.it.support.Federation;
import im.universal.it.support.FederationExtension;
import im.universal.it.support.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user changes their profile ({@code PATCH /api/v1/accounts/me}) and the other ISP's directory follows: a new
 * display name arrives as {@code directory.updated}, becoming unlisted as {@code directory.removed}, listed again
 * as {@code directory.updated}. Bad input changes nothing.
 */
@ExtendWith(FederationExtension.class)
class ProfileChangeIT {
    private static final String PATRICIA = "patricia@alpha.test";

    @Test
    void profileChangesPropagateToTheOtherIsp(Federation federation) {
        ApiClient alpha = federation.alpha().api();
        ApiClient beta = federation.beta().api();
        alpha.register("patricia", PASSWORD, "Patricia", true);
        beta.register("piet", PASSWORD, "Piet", true);
        String patricia = alpha.login("patricia", PASSWORD);
        String piet = beta.login("piet", PASSWORD);
        Await.until("patricia in beta's directory", FEDERATION_HOP, () -> beta.directory(piet, "patricia")
                .contains(PATRICIA));

        // a new display name (markup stays text) reaches beta
        ApiClient.Response renamed = alpha.patch("api/v1/accounts/me", "{\"displayName\":\"Pat <b>S</b>\"}", patricia);
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("Pat <b>S</b>", Json.str(renamed.json(), "displayName"));
        assertEquals(
                "Pat <b>S</b>",
                Json.str(alpha.get("api/v1/accounts/me", patricia).json(), "displayName"));
        Await.until("beta sees the new name", FEDERATION_HOP, () -> displayName(beta, piet)
                .filter("Pat <b>S</b>"::equals)
                .isPresent());

        // unlisted: gone from both directories
        ApiClient.Response unlisted = alpha.patch("api/v1/accounts/me", "{\"listed\":false}", patricia);
        assertEquals(200, unlisted.status(), unlisted::toString);
        assertFalse(unlisted.json().getBoolean("listed"));
        assertFalse(alpha.directory(patricia, "patricia").contains(PATRICIA));
        Await.until("beta forgets patricia", FEDERATION_HOP, () -> !beta.directory(piet, "patricia")
                .contains(PATRICIA));

        // listed again: back, with her name
        assertEquals(
                200,
                alpha.patch("api/v1/accounts/me", "{\"listed\":true}", patricia).status());
        Await.until("beta lists patricia again", FEDERATION_HOP, () -> displayName(beta, piet)
                .filter("Pat <b>S</b>"::equals)
                .isPresent());
        assertEquals(List.of(PATRICIA), alpha.directory(patricia, "patricia"));
    }

    @Test
    void badProfileChangesAreRefusedAndChangeNothing(Federation federation) {
        ApiClient alpha = federation.alpha().api();
        alpha.register("prudence", PASSWORD, "Prudence", true);
        String token = alpha.login("prudence", PASSWORD);

        assertEquals(
                401,
                alpha.patch("api/v1/accounts/me", "{\"displayName\":\"X\"}", null)
                        .status());
        assertEquals(401, alpha.get("api/v1/accounts/me", "not-a-token").status());
        assertRefused(alpha, token, "{\"displayName\":\"" + "x".repeat(101) + "\"}");
        assertRefused(alpha, token, "{\"displayName\":\"tab\\tname\"}");
        assertRefused(alpha, token, "{\"listed\":\"no\"}");
        assertRefused(alpha, token, "not json");
        assertRefused(alpha, token, "[]");

        JsonObject profile = alpha.get("api/v1/accounts/me", token).json();
        assertEquals("Prudence", Json.str(profile, "displayName"));
        assertEquals(JsonValue.TRUE, profile.get("listed"));
    }

    private static void assertRefused(ApiClient api, String token, String body) {
        ApiClient.Response response = api.patch("api/v1/accounts/me", body, token);
        assertEquals(400, response.status(), () -> body + " -> " + response);
        assertEquals("invalid_request", response.errorCode(), response::toString);
    }

    /** The display name beta's directory shows for patricia, if it lists her. */
    private static Optional<String> displayName(ApiClient beta, String token) {
        ApiClient.Response found = beta.get("api/v1/directory?q=patricia", token);
        return found.json().getJsonArray("entries").stream()
                .map(JsonValue::asJsonObject)
                .filter(e -> PATRICIA.equals(Json.str(e, "address")))
                .map(e -> Json.str(e, "displayName"))
                .findFirst();
    }
}

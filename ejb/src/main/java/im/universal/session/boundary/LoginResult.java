package im.universal.session.boundary;

import java.time.Instant;

/** A successful login: the token is shown to the client once and stored only hashed. */
public record LoginResult(String token, String address, String mode, Instant expiresAt) {}

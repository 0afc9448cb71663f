/**
 * Login sessions: login with password, opaque tokens stored hashed, authentication, logout, and the
 * original design's per-login record. Owns {@code login_session}. May call: account, push (to close connections).
 */
package im.universal.session;

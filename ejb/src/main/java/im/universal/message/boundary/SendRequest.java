package im.universal.message.boundary;

import im.universal.session.control.Caller;

/** A {@code message} frame as the client sent it (fields unchecked). */
public record SendRequest(Caller caller, String clientId, String to, String body) {}

package im.universal.federation.boundary;

import jakarta.json.JsonObject;

/** The payload of an envelope and the domain whose ISP it goes to ({@link FederationGateway#sendAll}). */
public record Addressed(String domain, JsonObject payload) {}

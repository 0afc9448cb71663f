package im.universal.bench.client;

/** A registered, logged-in user: {@code name@domain} with a session token, on the ISP {@code api} talks to. */
public record User(String name, String address, String token, Api api) {}

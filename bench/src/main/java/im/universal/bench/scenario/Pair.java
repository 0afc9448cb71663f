package im.universal.bench.scenario;

import im.universal.bench.client.User;

/** A sender and a receiver who are accepted contacts; each pair is one lane of traffic. */
public record Pair(User sender, User receiver) {}

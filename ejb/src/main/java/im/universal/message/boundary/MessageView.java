package im.universal.message.boundary;

import java.time.Instant;

/** A message in a conversation history page. */
public record MessageView(String id, String from, String to, String body, Instant sentAt, String status) {}

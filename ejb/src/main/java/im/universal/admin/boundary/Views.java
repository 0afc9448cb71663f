package im.universal.admin.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the admin boundaries answer; the web module encodes these records as JSON (docs/operations.md). */
public final class Views {
    private Views() {}

    public record AccountSummary(
            String address,
            String displayName,
            boolean listed,
            boolean disabled,
            Instant createdAt,
            Instant lastSeen,
            boolean online,
            int devices) {}

    public record PasswordReset(String address, String temporaryPassword) {}

    public record SessionSummary(
            long id,
            String address,
            String device,
            String mode,
            Instant startedAt,
            Instant expiresAt,
            String remoteAddress,
            boolean connected) {}

    public record DomainCount(String domain, long entries) {}

    public record Overview(
            String domain,
            long accounts,
            long disabledAccounts,
            long liveSessions,
            long onlineUsers,
            int devices,
            long messagesLastMinute,
            double messagesPerMinuteLastHour,
            List<DomainCount> directory) {}

    public record IspView(
            String domain,
            boolean local,
            Instant firstSeen,
            Instant lastEnvelopeSeen,
            long directoryEntries,
            boolean blocked) {}

    public record BlockedView(String domain, String reason, Instant createdAt) {}

    public record FederationReport(
            String domain,
            List<IspView> isps,
            Map<String, Long> acceptedByType,
            Map<String, Long> rejectedByReason,
            long duplicates,
            long outboxPending,
            List<BlockedView> blockedDomains,
            Long inboxBacklog,
            String inboxBacklogNote) {}

    public record AuditView(long id, Instant at, String actor, String action, String target, String detail) {}
}

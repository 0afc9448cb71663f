package im.universal.federation.control;

import java.util.Optional;

/** The envelope types of federation protocol version 1 (docs/federation.md) and where each travels. */
public enum EnvelopeType {
    ISP_HELLO("isp.hello", Channel.DIRECTORY),
    ISP_WELCOME("isp.welcome", Channel.INBOX),
    DIRECTORY_REGISTERED("directory.registered", Channel.DIRECTORY),
    DIRECTORY_UPDATED("directory.updated", Channel.DIRECTORY),
    DIRECTORY_REMOVED("directory.removed", Channel.DIRECTORY),
    DIRECTORY_SNAPSHOT_REQUEST("directory.snapshot.request", Channel.DIRECTORY),
    DIRECTORY_SNAPSHOT("directory.snapshot", Channel.INBOX),
    MESSAGE("message", Channel.INBOX),
    RECEIPT("receipt", Channel.INBOX),
    PRESENCE("presence", Channel.INBOX),
    PRESENCE_PROBE("presence.probe", Channel.INBOX),
    CONTACT_REQUEST("contact.request", Channel.INBOX),
    CONTACT_ANSWER("contact.answer", Channel.INBOX),
    TYPING("typing", Channel.INBOX),
    ERROR("error", Channel.INBOX);

    /** The broker destination kind an envelope type travels on. */
    public enum Channel {
        DIRECTORY,
        INBOX
    }

    private final String wire;
    private final Channel channel;

    EnvelopeType(String wire, Channel channel) {
        this.wire = wire;
        this.channel = channel;
    }

    public String wire() {
        return wire;
    }

    public Channel channel() {
        return channel;
    }

    /**
     * Whether a copy of an envelope of this type is recognised by its content, so that a receiver need not record
     * it as applied: a message is stored once per server id, a receipt only moves a status forward. They are
     * nearly all of the traffic (docs/benchmarks.md, finding 26).
     */
    public boolean deduplicatesItself() {
        return this == MESSAGE || this == RECEIPT;
    }

    public static Optional<EnvelopeType> fromWire(String wire) {
        for (EnvelopeType type : values()) {
            if (type.wire.equals(wire)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

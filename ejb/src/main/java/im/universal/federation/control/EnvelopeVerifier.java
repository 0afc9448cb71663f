package im.universal.federation.control;

import im.universal.platform.Address;

/**
 * Decides whether an inbound envelope may be believed: its claimed origin must be the broker user that really
 * sent it, must not be this ISP itself, and must be the domain of the user it speaks for.
 */
public final class EnvelopeVerifier {
    private final String ownDomain;

    public EnvelopeVerifier(String ownDomain) {
        this.ownDomain = ownDomain;
    }

    public void verifyOrigin(Envelope envelope, String authenticatedSender) throws EnvelopeRejected {
        if (authenticatedSender == null || !authenticatedSender.equals(envelope.origin())) {
            throw new EnvelopeRejected(
                    "forged_origin", "origin " + envelope.origin() + " sent by broker user " + authenticatedSender);
        }
        if (ownDomain.equals(envelope.origin())) {
            throw new EnvelopeRejected("own_origin", "envelope from this ISP itself");
        }
    }

    /** Parses an address the envelope speaks for and checks it belongs to the envelope's origin. */
    public Address senderAddress(Envelope envelope, String raw) throws EnvelopeRejected {
        Address address = Address.tryParse(raw);
        if (address == null) {
            throw new EnvelopeRejected("malformed", "bad address");
        }
        if (!address.isIn(envelope.origin())) {
            throw new EnvelopeRejected("forged_sender", raw + " is not of " + envelope.origin());
        }
        return address;
    }

    /** Parses an address the envelope is for and checks it belongs to this ISP. */
    public Address localAddress(String raw) throws EnvelopeRejected {
        Address address = Address.tryParse(raw);
        if (address == null || !address.isIn(ownDomain)) {
            throw new EnvelopeRejected("misrouted", "not an address of " + ownDomain + ": " + raw);
        }
        return address;
    }
}

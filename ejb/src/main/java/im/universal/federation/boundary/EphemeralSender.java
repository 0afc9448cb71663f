package im.universal.federation.boundary;

import im.universal.federation.control.EnvelopeType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what may be lost without harm — presence, probes, typing notices — in a transaction of its own, so a broker
 * outage never fails the user's own action (logging in, setting presence). Messages and contact changes do not
 * go this way: they must travel with the change they report.
 */
@Stateless
public class EphemeralSender {
    private static final Logger LOG = Logger.getLogger(EphemeralSender.class.getName());

    @Inject
    EphemeralTransmitter transmitter;

    public void send(String domain, EnvelopeType type, JsonObject payload) {
        try {
            transmitter.send(domain, type, payload);
        } catch (RuntimeException e) { // EJBException from the commit, or a refusal such as an unknown ISP
            failed(domain, type, e);
        }
    }

    /** Many envelopes of one type to one ISP, in batch messages. */
    public void send(String domain, EnvelopeType type, List<JsonObject> payloads) {
        if (payloads.isEmpty()) {
            return;
        }
        try {
            transmitter.send(domain, type, payloads);
        } catch (RuntimeException e) {
            failed(domain, type, e);
        }
    }

    private static void failed(String domain, EnvelopeType type, RuntimeException e) {
        LOG.log(Level.WARNING, "could not send " + type.wire() + " to " + domain + ": " + e.getMessage());
    }
}

package im.universal.federation.boundary;

import im.universal.federation.control.EnvelopeType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
            LOG.log(Level.WARNING, "could not send " + type.wire() + " to " + domain + ": " + e.getMessage());
        }
    }
}

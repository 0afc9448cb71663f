package im.universal.federation.boundary;

import im.universal.federation.control.EnvelopeType;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;

/** The sending half of {@link EphemeralSender}, in its own transaction: a commit failure reaches the caller. */
@Stateless
public class EphemeralTransmitter {
    @Inject
    FederationGateway gateway;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void send(String domain, EnvelopeType type, JsonObject payload) {
        gateway.sendEphemeral(domain, type, payload);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void send(String domain, EnvelopeType type, List<JsonObject> payloads) {
        gateway.sendEphemeral(domain, type, payloads);
    }
}

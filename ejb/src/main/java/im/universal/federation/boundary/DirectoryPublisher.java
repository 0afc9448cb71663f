package im.universal.federation.boundary;

import im.universal.account.boundary.AccountRegistered;
import im.universal.federation.control.EnvelopeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;

/** Turns "a listed user registered" into a directory envelope, inside the registration's transaction. */
@ApplicationScoped
public class DirectoryPublisher {

    @Inject
    FederationGateway gateway;

    void onRegistered(@Observes AccountRegistered event) {
        if (!event.listed()) {
            return;
        }
        gateway.broadcast(
                EnvelopeType.DIRECTORY_REGISTERED,
                Json.createObjectBuilder()
                        .add("address", event.address())
                        .add("displayName", event.displayName())
                        .build());
    }
}

package im.universal.federation.boundary;

import static im.universal.platform.JsonSupport.JSON;

import im.universal.account.boundary.AccountRegistered;
import im.universal.account.boundary.ProfileChanged;
import im.universal.federation.control.EnvelopeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Turns "a listed user registered" and "a user changed their profile" into directory envelopes, inside the
 * transaction of the change.
 */
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
                JSON.createObjectBuilder()
                        .add("address", event.address())
                        .add("displayName", event.displayName())
                        .build());
    }

    void onProfileChanged(@Observes ProfileChanged event) {
        if (!event.concernsDirectory()) {
            return;
        }
        if (event.listed()) {
            gateway.broadcast(
                    EnvelopeType.DIRECTORY_UPDATED,
                    JSON.createObjectBuilder()
                            .add("address", event.address())
                            .add("displayName", event.displayName())
                            .build());
        } else {
            gateway.broadcast(
                    EnvelopeType.DIRECTORY_REMOVED,
                    JSON.createObjectBuilder().add("address", event.address()).build());
        }
    }
}

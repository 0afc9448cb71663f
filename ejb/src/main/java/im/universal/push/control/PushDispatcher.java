package im.universal.push.control;

import im.universal.push.entity.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Pushes notifications to the recipient's connections once the change they report has committed. */
@ApplicationScoped
public class PushDispatcher {

    @Inject
    ConnectionRegistry registry;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notification notification) {
        dispatch(notification);
    }

    /** Pushes now, to every connection of the recipient: for callers that know their change has committed. */
    public void dispatch(Notification notification) {
        registry.connections(notification.to()).forEach(c -> c.push(notification));
    }
}

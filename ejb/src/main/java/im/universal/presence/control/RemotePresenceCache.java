package im.universal.presence.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The last presence other ISPs reported for their users (refreshed by probes at login). */
@ApplicationScoped
public class RemotePresenceCache {
    private final Map<String, PresenceView> views = new ConcurrentHashMap<>();

    public void put(String address, PresenceView view) {
        views.put(address, view);
    }

    public PresenceView get(String address) {
        return views.getOrDefault(address, PresenceView.offline(null));
    }
}

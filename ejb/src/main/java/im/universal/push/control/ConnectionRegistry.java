package im.universal.push.control;

import im.universal.presence.control.DevicePresence;
import im.universal.presence.control.Show;
import im.universal.push.boundary.ClientConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who is connected on this instance, on which devices, and what each device says about its presence. A user is
 * online while at least one of their connections is registered here.
 */
public class ConnectionRegistry {
    private final Map<String, Map<ClientConnection, DevicePresence>> byAddress = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** Registers a connection as available; returns true when it is the user's first. */
    public boolean add(ClientConnection connection) {
        boolean[] first = new boolean[1];
        byAddress.compute(address(connection), (key, devices) -> {
            Map<ClientConnection, DevicePresence> map = devices == null ? new ConcurrentHashMap<>() : devices;
            first[0] = map.isEmpty();
            map.put(connection, new DevicePresence(Show.AVAILABLE, null, sequence.incrementAndGet()));
            return map;
        });
        return first[0];
    }

    /** Removes a connection; returns true when it was the user's last. */
    public boolean remove(ClientConnection connection) {
        boolean[] last = new boolean[1];
        byAddress.computeIfPresent(address(connection), (key, devices) -> {
            if (devices.remove(connection) != null && devices.isEmpty()) {
                last[0] = true;
                return null;
            }
            return devices.isEmpty() ? null : devices;
        });
        return last[0];
    }

    /** Records a device's own presence; false when the connection is not registered. */
    public boolean update(ClientConnection connection, Show show, String status) {
        Map<ClientConnection, DevicePresence> devices = byAddress.get(address(connection));
        if (devices == null || !devices.containsKey(connection)) {
            return false;
        }
        devices.put(connection, new DevicePresence(show, status, sequence.incrementAndGet()));
        return true;
    }

    public List<DevicePresence> devices(String address) {
        Map<ClientConnection, DevicePresence> devices = byAddress.get(address);
        return devices == null ? List.of() : List.copyOf(devices.values());
    }

    public List<ClientConnection> connections(String address) {
        Map<ClientConnection, DevicePresence> devices = byAddress.get(address);
        return devices == null ? List.of() : List.copyOf(devices.keySet());
    }

    public boolean isOnline(String address) {
        Map<ClientConnection, DevicePresence> devices = byAddress.get(address);
        return devices != null && !devices.isEmpty();
    }

    public int connectionCount() {
        return byAddress.values().stream().mapToInt(Map::size).sum();
    }

    private static String address(ClientConnection connection) {
        return connection.caller().address().toString();
    }
}

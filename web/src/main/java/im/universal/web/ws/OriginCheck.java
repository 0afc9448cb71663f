package im.universal.web.ws;

import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses WebSocket handshakes from foreign origins (cross-site WebSocket hijacking). Allowed: the ISP's own
 * base URL ({@code uim.base.url}, also under 127.0.0.1/localhost) and {@code uim.allowed.origins}. A handshake
 * without {@code Origin} comes from a non-browser client and is allowed.
 */
public class OriginCheck extends ServerEndpointConfig.Configurator {
    private volatile Set<String> allowed;

    @Override
    public boolean checkOrigin(String origin) {
        return origin == null || allowed().contains(origin.toLowerCase(Locale.ROOT));
    }

    private Set<String> allowed() {
        if (allowed == null) {
            var config = ConfigProvider.getConfig();
            Set<String> set = new HashSet<>();
            config.getOptionalValue("uim.base.url", String.class).ifPresent(base -> set.addAll(variants(base)));
            config.getOptionalValue("uim.allowed.origins", String.class)
                    .ifPresent(list -> Arrays.stream(list.split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .forEach(s -> set.add(s.toLowerCase(Locale.ROOT))));
            allowed = Set.copyOf(set);
        }
        return allowed;
    }

    static Set<String> variants(String baseUrl) {
        URI uri = URI.create(baseUrl.strip());
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        Set<String> set = new HashSet<>();
        set.add(scheme + "://" + host + port);
        if (host.equals("localhost") || host.equals("127.0.0.1")) {
            set.add(scheme + "://localhost" + port);
            set.add(scheme + "://127.0.0.1" + port);
        }
        return set;
    }
}

package im.universal.web.ws;

import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The handshake and the endpoint instance of {@code /ws/v1}.
 *
 * <p>Origins: refuses WebSocket handshakes from foreign origins (cross-site WebSocket hijacking). Allowed: the
 * ISP's own base URL ({@code uim.base.url}, also under 127.0.0.1/localhost) and {@code uim.allowed.origins}. A
 * handshake without {@code Origin} comes from a non-browser client and is allowed.
 *
 * <p>Instance: every socket shares one {@link ChatEndpoint}, injected once. The endpoint keeps no state of its own
 * (a socket's state lives in its session's user properties), and the container's default, one CDI-injected
 * instance per socket, built each one's injection target under a global lock of the bean manager: handshakes
 * serialised there, and every idle socket carried its own instance (docs/benchmarks.md).
 */
public class ChatConfigurator extends ServerEndpointConfig.Configurator {
    private volatile Set<String> allowed;
    /** Static: the container may build more than one configurator; the class lives as long as the application. */
    private static volatile Unmanaged.UnmanagedInstance<ChatEndpoint> shared;

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (endpointClass != ChatEndpoint.class) {
            return super.getEndpointInstance(endpointClass);
        }
        return endpointClass.cast(shared().get());
    }

    private static Unmanaged.UnmanagedInstance<ChatEndpoint> shared() {
        Unmanaged.UnmanagedInstance<ChatEndpoint> instance = shared;
        if (instance == null) {
            synchronized (ChatConfigurator.class) {
                instance = shared;
                if (instance == null) {
                    instance = new Unmanaged<>(ChatEndpoint.class)
                            .newInstance()
                            .produce()
                            .inject()
                            .postConstruct();
                    shared = instance;
                }
            }
        }
        return instance;
    }

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

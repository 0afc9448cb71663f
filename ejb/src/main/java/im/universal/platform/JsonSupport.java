package im.universal.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON provider of the application. The static {@code jakarta.json.Json.create*} methods look the provider
 * up with a ServiceLoader scan of the class path on every call, which under load was the top lock contention of
 * the server (docs/benchmarks.md); everything that builds or reads JSON on a hot path goes through {@link #JSON}.
 */
public final class JsonSupport {
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonSupport() {}
}

package im.universal.bench.federation;

import im.universal.bench.client.Api;
import java.net.URI;

/** The two ISPs a benchmark drives: base URLs and domains, plus what it may do with their processes. */
public record Endpoints(URI alpha, String alphaDomain, URI beta, String betaDomain, Host host) {

    public Api alphaApi() {
        return new Api(alpha);
    }

    public Api betaApi() {
        return new Api(beta);
    }
}

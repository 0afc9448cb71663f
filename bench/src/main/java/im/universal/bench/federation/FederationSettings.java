package im.universal.bench.federation;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Ports, data folder and the environment the benchmark gives its ISPs. The load settings raise limits meant for
 * abuse, not for a load generator on 127.0.0.1 (docs/benchmarks.md lists them): the per-connection frame rate,
 * registrations per address, inbound federation contact requests. alpha.test hashes new passwords with
 * {@code setupIterations} so that thousands of users can be set up; beta.test keeps the default (600,000), and
 * the login-with-password figure is measured there.
 */
public record FederationSettings(
        Path root, Path dataDir, int brokerPort, int alphaPort, int betaPort, int setupIterations) {

    public static FederationSettings defaults(Path root) {
        return new FederationSettings(root, root.resolve("target/bench"), 61680, 8091, 8092, 1000);
    }

    public FederationSettings withDataDir(Path dir) {
        return new FederationSettings(root, dir, brokerPort, alphaPort, betaPort, setupIterations);
    }

    /** The environment of one ISP's {@code bin/uim isp} process. */
    public Map<String, String> ispEnv(String domain) {
        Map<String, String> env = new HashMap<>();
        env.put("UIM_WS_FRAMES_PER_SECOND", "1000000");
        env.put("UIM_REGISTRATION_PER_ADDRESS_PER_MINUTE", "1000000");
        env.put("UIM_FEDERATION_CONTACT_REQUESTS_PER_MINUTE", "1000000");
        if (LocalFederation.ALPHA.equals(domain)) {
            env.put("UIM_PASSWORD_ITERATIONS", Integer.toString(setupIterations));
        }
        return env;
    }
}

package im.universal.bench.scenario;

import im.universal.bench.client.Population;
import im.universal.bench.client.User;
import im.universal.bench.report.Outcome;
import im.universal.bench.report.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Logins with a password on beta, whose hashes use the default PBKDF2 cost (600,000 iterations): reported for
 * information, no target (the cost is the point of the hash).
 */
public final class PasswordLogin implements Scenario {

    @Override
    public String name() {
        return "login-password";
    }

    @Override
    public String unit() {
        return "logins/s";
    }

    @Override
    public Target target() {
        return Target.none();
    }

    @Override
    public Outcome run(Context context) {
        User user = context.shared(name(), () -> context.population()
                .user(context.beta(), context.endpoints().betaDomain(), "pw", false));
        int logins = context.sizes().logins();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            tasks.add(() -> context.beta().login(user.name(), Population.PASSWORD));
        }
        long start = System.nanoTime();
        List<String> tokens = context.population().all(tasks);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("logins", (long) tokens.size());
        counters.put("iterations", 600_000L);
        return Outcome.of(tokens.size() / seconds, counters);
    }
}

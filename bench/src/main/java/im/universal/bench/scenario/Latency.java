package im.universal.bench.scenario;

import im.universal.bench.Sizes;
import im.universal.bench.report.Outcome;
import im.universal.bench.report.Percentiles;
import im.universal.bench.report.Target;

/**
 * End-to-end latency (sender's intended send time to the receiver's socket) at a fixed total rate, open loop:
 * the p99 in milliseconds.
 */
public final class Latency implements Scenario {
    private final boolean cross;

    public Latency(boolean cross) {
        this.cross = cross;
    }

    @Override
    public String name() {
        return cross ? "cross-latency" : "local-latency";
    }

    @Override
    public String unit() {
        return "ms p99";
    }

    @Override
    public Target target() {
        return Target.atMost(cross ? 30 : 5);
    }

    @Override
    public Outcome run(Context context) {
        Sizes sizes = context.sizes();
        int pairs = context.pairs(cross).size();
        int perPair = (int) Math.max(1, Math.round(sizes.latencyRate() * sizes.latencySeconds() / pairs));
        PairTraffic.Plan plan = new PairTraffic.Plan(perPair, perPair, sizes.latencyRate(), sizes.perConnectionCap());
        PairTraffic.Result result =
                PairTraffic.run(context.pairs(cross), context.sockets(), plan, context.tag(cross ? "xl" : "ll"));
        Outcome outcome = result.outcome();
        outcome.counters().put("rate", (long) sizes.latencyRate());
        outcome.counters().put("achievedRate", Math.round(result.messagesPerSecond()));
        double p99 = Percentiles.of(result.latenciesNanos(), 99) / 1e6;
        return new Outcome(p99, outcome.counters(), outcome.violations());
    }
}

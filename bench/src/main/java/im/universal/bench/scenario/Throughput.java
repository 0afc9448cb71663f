package im.universal.bench.scenario;

import im.universal.bench.Sizes;
import im.universal.bench.report.Outcome;
import im.universal.bench.report.Target;

/** Messages per second delivered over the pairs with a bounded in-flight window, exactly once and in order. */
public final class Throughput implements Scenario {
    private final boolean cross;

    public Throughput(boolean cross) {
        this.cross = cross;
    }

    @Override
    public String name() {
        return cross ? "cross-throughput" : "local-throughput";
    }

    @Override
    public String unit() {
        return "messages/s";
    }

    @Override
    public Target target() {
        return Target.atLeast(cross ? 5000 : 20000);
    }

    @Override
    public Outcome run(Context context) {
        Sizes sizes = context.sizes();
        int messages = cross ? sizes.crossMessagesPerPair() : sizes.messagesPerPair();
        PairTraffic.Plan plan = new PairTraffic.Plan(messages, sizes.window(), 0, sizes.perConnectionCap());
        return PairTraffic.run(context.pairs(cross), context.sockets(), plan, context.tag(cross ? "xt" : "lt"))
                .outcome();
    }
}

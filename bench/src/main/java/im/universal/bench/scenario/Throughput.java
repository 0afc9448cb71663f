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

    /**
     * At least six across ISPs: the cross path (the broker's client, the inbox's message-driven bean, the outbox
     * relay, the inbound bulk path) is compiled by C2 for minutes of this traffic (in a cold run about 35 s of
     * compilation a minute on each ISP, more than half of the two cores), and the rate climbs from about 550/s to
     * over 2,000/s meanwhile (docs/benchmarks.md, finding 24); an operator's server runs warm.
     */
    @Override
    public int warmups(int requested) {
        return cross ? Scenario.atLeast(requested, 6) : requested;
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

package im.universal.bench.scenario;

import im.universal.bench.report.Outcome;
import im.universal.bench.report.Target;

/** One scenario of the benchmark: a figure in a unit against a target, measured by one run at a time. */
public interface Scenario {

    String name();

    String unit();

    Target target();

    /** One run; set-up that runs share is kept in the context. */
    Outcome run(Context context);

    /** How many runs to make when {@code requested} are asked for (1 for what cannot be repeated fairly). */
    default int runs(int requested) {
        return requested;
    }

    /**
     * How many unmeasured warm-up runs to make when {@code requested} are asked for (none where a run changes what
     * the next one measures).
     */
    default int warmups(int requested) {
        return requested;
    }

    /** The warm-ups of a scenario that needs at least {@code minimum} to be warm: none if none are asked for. */
    static int atLeast(int requested, int minimum) {
        return requested == 0 ? 0 : Math.max(requested, minimum);
    }

    /** False when the endpoints cannot support it (e.g. process memory of a federation this tool did not start). */
    default boolean applicable(Context context) {
        return true;
    }
}

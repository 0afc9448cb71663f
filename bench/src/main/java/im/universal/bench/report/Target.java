package im.universal.bench.report;

import java.util.Locale;

/** A target of the issue: at least or at most {@code bound} (in the scenario's unit). */
public record Target(boolean atLeast, double bound) {

    public static Target atLeast(double bound) {
        return new Target(true, bound);
    }

    public static Target atMost(double bound) {
        return new Target(false, bound);
    }

    /** No target: the figure is reported for information (e.g. login with a password). */
    public static Target none() {
        return new Target(true, Double.NEGATIVE_INFINITY);
    }

    public boolean isNone() {
        return bound == Double.NEGATIVE_INFINITY;
    }

    public boolean met(double value) {
        return isNone() || (atLeast ? value >= bound : value <= bound);
    }

    /** {@code ">= 20000"}, {@code "<= 5"} or {@code "none"}. */
    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        return (atLeast ? ">= " : "<= ") + Numbers.format(bound);
    }

    /** Number formatting shared by the report. */
    public static final class Numbers {
        private Numbers() {}

        public static String format(double value) {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return String.format(Locale.ROOT, "%.2f", value);
        }
    }
}

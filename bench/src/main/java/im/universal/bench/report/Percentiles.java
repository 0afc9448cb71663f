package im.universal.bench.report;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles and medians. */
public final class Percentiles {
    private Percentiles() {}

    /** The {@code p}-th percentile (0-100) of {@code values}, nearest rank; NaN when empty. */
    public static double of(long[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The median of {@code values} (the mean of the two middle ones for an even count); NaN when empty. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

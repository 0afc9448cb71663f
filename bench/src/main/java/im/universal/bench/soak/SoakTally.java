package im.universal.bench.soak;

import java.util.ArrayList;
import java.util.List;

/** Totals of a soak run. */
final class SoakTally {
    long sent;
    long delivered;
    long duplicates;
    long gaps;
    long resends;
    long reconnects;
    final List<String> violations = new ArrayList<>();
}

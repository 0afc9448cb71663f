package im.universal.federation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DestinationPausesTest {
    private static final String BETA = "queue:uim.isp.beta.test";
    private static final String GAMMA = "queue:uim.isp.gamma.test";

    private final DestinationPauses pauses = new DestinationPauses();

    @Test
    void aRefusingDestinationIsLeftAloneForAWhileAndTheOthersAreNot() {
        assertEquals(2_000, pauses.refused(BETA, 1_000));

        assertEquals(List.of(BETA), pauses.paused(1_000));
        assertEquals(List.of(BETA), pauses.paused(2_999));
        assertEquals(List.of(), pauses.paused(3_000));
    }

    @Test
    void thePauseDoublesWhileTheDestinationKeepsRefusingUpToAMinute() {
        long[] lengths = new long[8];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = pauses.refused(BETA, 0);
        }

        assertEquals(2_000, lengths[0]);
        assertEquals(4_000, lengths[1]);
        assertEquals(32_000, lengths[4]);
        assertEquals(DestinationPauses.MAX_MILLIS, lengths[5]);
        assertEquals(DestinationPauses.MAX_MILLIS, lengths[7]);
    }

    @Test
    void aSuccessStartsTheDestinationAfresh() {
        pauses.refused(BETA, 0);
        pauses.refused(BETA, 0);
        pauses.refused(GAMMA, 0);

        pauses.succeeded(BETA);

        assertEquals(List.of(GAMMA), pauses.paused(1));
        assertEquals(DestinationPauses.FIRST_MILLIS, pauses.refused(BETA, 10));
    }
}

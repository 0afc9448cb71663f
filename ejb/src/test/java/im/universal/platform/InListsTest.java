package im.universal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InListsTest {

    @Test
    void nothingGivesNoChunk() {
        assertTrue(InLists.chunks(List.of()).isEmpty());
    }

    @Test
    void aShortListIsPaddedWithItsLastValue() {
        List<List<String>> chunks = InLists.chunks(List.of("a", "b", "c"));

        assertEquals(1, chunks.size());
        assertEquals(InLists.SMALL, chunks.get(0).size());
        assertEquals(List.of("a", "b", "c"), chunks.get(0).subList(0, 3));
        assertTrue(chunks.get(0).subList(3, InLists.SMALL).stream().allMatch("c"::equals));
    }

    @Test
    void everyChunkHasOneOfTheTwoSizesAndEveryValueIsKeptOnce() {
        for (int n : new int[] {1, 16, 17, 256, 257, 1000}) {
            List<Integer> values = IntStream.range(0, n).boxed().toList();

            List<List<Integer>> chunks = InLists.chunks(values);

            assertTrue(
                    chunks.stream().allMatch(c -> c.size() == InLists.SMALL || c.size() == InLists.LARGE),
                    "sizes for " + n);
            Set<Integer> seen =
                    chunks.stream().flatMap(List::stream).collect(Collectors.toCollection(LinkedHashSet::new));
            assertEquals(Set.copyOf(values), seen, "values for " + n);
            assertEquals(
                    n,
                    chunks.stream()
                            .mapToInt(c -> (int) c.stream().distinct().count())
                            .sum(),
                    "each once for " + n);
        }
    }

    @Test
    void theParameterListNamesOneParameterPerValue() {
        assertEquals("(:id0, :id1, :id2)", InLists.parameters("id", 3));
    }
}

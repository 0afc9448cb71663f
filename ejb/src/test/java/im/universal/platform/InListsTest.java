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
        assertEquals(4, chunks.get(0).size());
        assertEquals(List.of("a", "b", "c", "c"), chunks.get(0));
    }

    @Test
    void aSingleValueIsAChunkOfOne() {
        assertEquals(List.of(List.of("a")), InLists.chunks(List.of("a")));
    }

    @Test
    void eachChunkIsTheSmallestSizeThatHoldsWhatIsLeft() {
        assertEquals(List.of(16), sizes(5));
        assertEquals(List.of(16), sizes(16));
        assertEquals(List.of(256), sizes(17));
        assertEquals(List.of(256, 1), sizes(257));
        assertEquals(List.of(256, 256, 256, 256), sizes(1000));
    }

    @Test
    void everyChunkHasOneOfTheSizesAndEveryValueIsKeptOnce() {
        for (int n : new int[] {1, 2, 4, 5, 16, 17, 256, 257, 1000}) {
            List<Integer> values = IntStream.range(0, n).boxed().toList();

            List<List<Integer>> chunks = InLists.chunks(values);

            assertTrue(chunks.stream().allMatch(c -> InLists.SIZES.contains(c.size())), "sizes for " + n);
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

    private static List<Integer> sizes(int n) {
        return InLists.chunks(IntStream.range(0, n).boxed().toList()).stream()
                .map(List::size)
                .toList();
    }

    @Test
    void theParameterListNamesOneParameterPerValue() {
        assertEquals("(:id0, :id1, :id2)", InLists.parameters("id", 3));
    }
}

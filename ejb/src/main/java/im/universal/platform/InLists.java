package im.universal.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@code in (...)} conditions of the batch queries with one named parameter per value, in a few fixed list sizes.
 * Hibernate caches no query plan for a collection-valued parameter (it translates the HQL to SQL again on every
 * call), and the database parses each new statement shape again: the batch queries of the group commits, called
 * hundreds of times a second, spent more time there than in the database (docs/benchmarks.md). With single-valued
 * parameters and a query text that depends only on the list size, both are translated once. A list is cut into
 * chunks of one of the {@link #SIZES} (the smallest that holds what is left, at most {@link #LARGE}), a short chunk
 * padded by repeating its last value, which changes no answer of an {@code in} condition. The small sizes matter at
 * low load, where a group commit holds one message: a single value padded to 16 made Hibernate bind, and the
 * database compare, 16 parameters (finding 31 of docs/benchmarks.md).
 */
public final class InLists {
    /** The chunk sizes, ascending; every statement shape is cached per connection, so there are few. */
    public static final List<Integer> SIZES = List.of(1, 4, 16, 256);

    /** The largest chunk: a longer list is cut into several. */
    public static final int LARGE = SIZES.get(SIZES.size() - 1);

    private static final Map<String, String> LISTS = new ConcurrentHashMap<>();

    private InLists() {}

    /** The values (none {@code null}) in chunks of exactly one of the {@link #SIZES}; none when empty. */
    public static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); ) {
            int left = all.size() - from;
            int size = sizeFor(left);
            int taken = Math.min(left, size);
            List<T> chunk = new ArrayList<>(size);
            chunk.addAll(all.subList(from, from + taken));
            T last = chunk.get(chunk.size() - 1);
            while (chunk.size() < size) {
                chunk.add(last);
            }
            chunks.add(chunk);
            from += taken;
        }
        return chunks;
    }

    private static int sizeFor(int left) {
        for (int size : SIZES) {
            if (left <= size) {
                return size;
            }
        }
        return LARGE;
    }

    /** The parameter list {@code (:name0, :name1, ...)} for a chunk of {@code size} values. */
    public static String parameters(String name, int size) {
        return LISTS.computeIfAbsent(name + '#' + size, k -> list(name, size));
    }

    private static String list(String name, int size) {
        StringBuilder list = new StringBuilder("(");
        for (int i = 0; i < size; i++) {
            list.append(i == 0 ? ":" : ", :").append(name).append(i);
        }
        return list.append(')').toString();
    }

    /**
     * Runs {@code select} (a query ending in {@code in }) completed by the parameter list of each chunk of
     * {@code values}, and hands on every row of every answer.
     */
    public static void forEachRow(EntityManager em, String select, Collection<?> values, Consumer<Object[]> row) {
        for (List<?> chunk : chunks(values)) {
            bind(em.createQuery(select + parameters("v", chunk.size()), Object[].class), "v", chunk)
                    .getResultList()
                    .forEach(row);
        }
    }

    /** Binds a chunk to the parameters of {@link #parameters}. */
    public static <Q extends Query> Q bind(Q query, String name, List<?> chunk) {
        for (int i = 0; i < chunk.size(); i++) {
            query.setParameter(name + i, chunk.get(i));
        }
        return query;
    }
}

package im.universal.bench.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Set-up of users and contacts over the public protocol, in parallel. Names carry a per-run tag, so runs against
 * a federation that already holds users (the test suite's) never collide.
 */
public final class Population implements AutoCloseable {
    public static final String PASSWORD = "bench-password-1";
    private static final Duration CONTACT_TIMEOUT = Duration.ofSeconds(120);

    private final String tag;
    private final ExecutorService pool;
    private final AtomicInteger counter = new AtomicInteger();

    public Population(int parallelism) {
        this.tag = "b" + Long.toString(System.currentTimeMillis() % 2_176_782_336L, 36);
        this.pool = Executors.newFixedThreadPool(parallelism, Daemon.factory("setup"));
    }

    public String tag() {
        return tag;
    }

    /** A fresh unique username with this run's tag and {@code role} (lower-case letters and digits). */
    public String newName(String role) {
        return tag + "-" + role + "-" + counter.incrementAndGet();
    }

    /** Registers and logs in one user. */
    public User user(Api api, String domain, String role, boolean listed) {
        String name = newName(role);
        api.register(name, PASSWORD, listed);
        return new User(name, name + "@" + domain, api.login(name, PASSWORD), api);
    }

    /** Registers and logs in {@code count} users in parallel. */
    public List<User> users(Api api, String domain, String role, int count, boolean listed) {
        List<Callable<User>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(() -> user(api, domain, role, listed));
        }
        return all(tasks);
    }

    /** Makes each {@code askers[i]} and {@code approvers[i]} accepted contacts (ask, approve, wait). */
    public void contacts(List<User> askers, List<User> approvers) {
        List<Callable<Void>> asks = new ArrayList<>();
        for (int i = 0; i < askers.size(); i++) {
            User asker = askers.get(i);
            User approver = approvers.get(i);
            asks.add(() -> {
                asker.api().requestContact(asker.token(), approver.address());
                return null;
            });
        }
        all(asks);
        Map<User, Set<String>> toApprove = group(approvers, askers);
        List<Callable<Void>> approvals = new ArrayList<>();
        toApprove.forEach((approver, from) -> approvals.add(() -> {
            awaitStates(approver, from, "pending-in");
            for (String address : from) {
                approver.api().approve(approver.token(), address);
            }
            return null;
        }));
        all(approvals);
        Map<User, Set<String>> toConfirm = group(askers, approvers);
        List<Callable<Void>> confirmations = new ArrayList<>();
        toConfirm.forEach((asker, peers) -> confirmations.add(() -> {
            awaitStates(asker, peers, "accepted");
            return null;
        }));
        all(confirmations);
    }

    /** Runs the tasks on the set-up pool and returns their results in order; the first failure is thrown. */
    public <T> List<T> all(List<? extends Callable<T>> tasks) {
        List<Future<T>> futures = new ArrayList<>();
        tasks.forEach(t -> futures.add(pool.submit(t)));
        List<T> results = new ArrayList<>();
        try {
            for (Future<T> future : futures) {
                results.add(future.get());
            }
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : new BenchFailure("set-up failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
        return results;
    }

    private static Map<User, Set<String>> group(List<User> owners, List<User> peers) {
        Map<User, Set<String>> grouped = new LinkedHashMap<>();
        for (int i = 0; i < owners.size(); i++) {
            grouped.computeIfAbsent(owners.get(i), k -> new java.util.HashSet<>())
                    .add(peers.get(i).address());
        }
        return grouped;
    }

    /** Polls the owner's contact list until every address in {@code peers} has {@code state}. */
    private static void awaitStates(User owner, Set<String> peers, String state) throws InterruptedException {
        long deadline = System.nanoTime() + CONTACT_TIMEOUT.toNanos();
        while (true) {
            JsonObject list = owner.api().contacts(owner.token());
            Set<String> done = list.getJsonArray("contacts").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(c -> state.equals(Jsons.str(c, "state")))
                    .map(c -> Jsons.str(c, "address"))
                    .collect(Collectors.toSet());
            if (done.containsAll(peers)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                Set<String> missing = new java.util.TreeSet<>(peers);
                missing.removeAll(done);
                throw new BenchFailure(owner.address() + ": " + missing.size() + " contact(s) not " + state + " within "
                        + CONTACT_TIMEOUT.toSeconds() + " s, e.g. "
                        + missing.iterator().next());
            }
            Thread.sleep(peers.size() > 50 ? 1000 : 100);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

package im.universal.bench.client;

/** Something the benchmark needs did not happen (a call failed, a frame did not come). */
public class BenchFailure extends RuntimeException {
    public BenchFailure(String message) {
        super(message);
    }

    public BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

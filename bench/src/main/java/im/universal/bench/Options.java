package im.universal.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@code bin/uim bench}. */
record Options(
        List<String> scenarios,
        int runs,
        int warmups,
        boolean smoke,
        boolean keep,
        Path root,
        URI alpha,
        URI beta,
        int soakMinutes,
        Integer messagesPerPair,
        Integer idleConnections) {

    static final String USAGE =
            """
            usage: bin/uim bench [--scenario NAME[,NAME...]|all] [--runs N] [--warmup N] [--smoke] [--keep]
                                 [--soak MINUTES] [--messages N] [--connections N] [--alpha URL --beta URL]
              --scenario   which scenarios (default all): %s
              --runs       runs per scenario, the median is reported (default 3)
              --warmup     unmeasured runs before them (default 1, presence 5, cross-throughput 6, reconnect 10,
                           0 with --smoke; none for start-up, memory and idle connections)
              --smoke      tiny sizes, seconds of traffic: checks correctness only
              --keep       keep target/bench/ (data and logs) after the run
              --soak       a soak run of MINUTES instead of the scenarios (docs/benchmarks.md)
              --messages   messages per pair in the local throughput scenario (cross: a third)
              --connections idle connections to hold (default 10000)
              --alpha/--beta  drive an already running federation instead of starting one
            """;

    static Options parse(String[] args) {
        List<String> scenarios = new ArrayList<>(List.of("all"));
        int runs = 3;
        Integer warmups = null;
        boolean smoke = false;
        boolean keep = false;
        Path root =
                Path.of(System.getProperty("uim.root", ".")).toAbsolutePath().normalize();
        URI alpha = null;
        URI beta = null;
        int soak = 0;
        Integer messages = null;
        Integer connections = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--scenario" -> scenarios = List.of(value(args, ++i, arg).split(","));
                case "--runs" -> runs = Integer.parseInt(value(args, ++i, arg));
                case "--warmup" -> warmups = Integer.parseInt(value(args, ++i, arg));
                case "--smoke" -> smoke = true;
                case "--keep" -> keep = true;
                case "--root" -> root =
                        Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
                case "--alpha" -> alpha = URI.create(value(args, ++i, arg));
                case "--beta" -> beta = URI.create(value(args, ++i, arg));
                case "--soak" -> soak = Integer.parseInt(value(args, ++i, arg));
                case "--messages" -> messages = Integer.parseInt(value(args, ++i, arg));
                case "--connections" -> connections = Integer.parseInt(value(args, ++i, arg));
                case "-h", "--help", "help" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if ((alpha == null) != (beta == null)) {
            throw new IllegalArgumentException("--alpha and --beta go together");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        if (warmups != null && warmups < 0) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        int warm = warmups != null ? warmups : smoke ? 0 : 1;
        return new Options(scenarios, runs, warm, smoke, keep, root, alpha, beta, soak, messages, connections);
    }

    Sizes sizes() {
        Sizes sizes = smoke ? Sizes.smoke() : Sizes.full();
        if (messagesPerPair != null) {
            sizes = sizes.withMessagesPerPair(messagesPerPair, Math.max(1, messagesPerPair / 3));
        }
        if (idleConnections != null) {
            sizes = sizes.withIdleConnections(idleConnections);
        }
        return sizes;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}

package im.universal.bench.federation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The used heap of a JVM after a full GC, with the JDK's {@code jcmd} (GC.run, then GC.heap_info). */
public final class HeapProbe {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private HeapProbe() {}

    public static OptionalLong usedKbAfterGc(long pid) {
        try {
            jcmd(pid, "GC.run");
            String info = jcmd(pid, "GC.heap_info");
            long used = 0;
            boolean found = false;
            for (String line : info.split("\n")) {
                if (line.contains("generation") || line.contains("garbage-first heap")) {
                    Matcher m = USED.matcher(line);
                    if (m.find()) {
                        used += Long.parseLong(m.group(1));
                        found = true;
                    }
                }
            }
            return found ? OptionalLong.of(used) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        String jcmd = System.getProperty("java.home") + "/bin/jcmd";
        Process process = new ProcessBuilder(jcmd, Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        process.waitFor(60, TimeUnit.SECONDS);
        return new String(out, StandardCharsets.UTF_8);
    }
}

package im.universal.it.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Ordered steps of one story told in several browsers: when a step fails, each browser saves a screenshot named
 * after it (with its console log on stderr), and the later steps are skipped instead of failing for the same reason.
 */
final class Scenario implements BeforeEachCallback, TestWatcher, AutoCloseable {

    private final String name;
    private final List<Browser> browsers = new ArrayList<>();
    private String failedStep;

    Scenario(String name) {
        this.name = name;
    }

    /** A username nobody else in this run has (the federation is shared between test classes). */
    static String uniqueUser(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Browser browser(Browser browser) {
        browsers.add(browser);
        return browser;
    }

    /** Screenshots of every browser, named {@code <scenario>-<step>-<browser>}. */
    void shoot(String step) {
        for (Browser b : browsers) {
            b.screenshotQuietly(name + "-" + step + "-" + b.name());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        assumeTrue(failedStep == null, () -> "skipped: step '" + failedStep + "' failed");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failedStep = context.getDisplayName();
        shoot("FAILED-" + context.getRequiredTestMethod().getName());
        for (Browser b : browsers) {
            System.err.println(b.consoleLog());
        }
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {}

    @Override
    public void close() {
        for (Browser b : browsers) {
            b.close();
        }
        browsers.clear();
    }
}

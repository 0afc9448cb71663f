package im.universal.it.browser;

import im.universal.it.support.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through Selenium's ChromeDriver: nothing is downloaded, the browser and
 * the driver are the Debian packages {@code chromium} and {@code chromium-driver}.
 *
 * <pre>{@code
 * @ExtendWith(Browser.Required.class)             // skip (or fail when CI=true) without Chromium
 * class MyIT {
 *     @Test void works() {
 *         try (Browser b = Browser.desktop("alice")) {
 *             b.open(URI.create("http://127.0.0.1:8181/"));
 *             b.visible("login-username").sendKeys("alice");
 *             b.await("logged in", d -> b.byId("chat-view").isDisplayed());
 *             b.screenshot("alice-logged-in");        // it/target/screenshots/alice-logged-in.png
 *         }
 *     }
 * }
 * }</pre>
 *
 * Every wait goes through {@link WebDriverWait} with a deadline; there is no sleeping.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    /** A common phone viewport (CSS pixels). */
    public static final Dimension PHONE = new Dimension(390, 844);
    /** Default time a {@link #await} waits. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private static final Logger LOG = Logger.getLogger(Browser.class.getName());

    private final String name;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Browser(String name, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.name = name;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /** A 1280×900 window. {@code name} labels logs and screenshots. */
    public static Browser desktop(String name) {
        return start(name, DESKTOP);
    }

    /** A phone-sized (390×844) window. */
    public static Browser phone(String name) {
        return start(name, PHONE);
    }

    /** Starts headless Chromium with a fresh profile and the given window size; {@code extraArgs} are appended. */
    public static Browser start(String name, Dimension size, String... extraArgs) {
        String missing = missing();
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("uim-chromium-" + name.replaceAll("[^A-Za-z0-9]", "") + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--disable-default-apps",
                "--no-first-run",
                "--lang=en-US",
                "--user-data-dir=" + profile,
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        options.addArguments(extraArgs);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(size);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return new Browser(name, profile, service, driver);
    }

    /** Null when Chromium and ChromeDriver are installed, otherwise what is missing. */
    public static String missing() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return "headless browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver";
        }
        return null;
    }

    public String name() {
        return name;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads {@code uri} and waits until the document has loaded. */
    public void open(URI uri) {
        driver.get(uri.toString());
        await("document loaded", d -> "complete".equals(js("return document.readyState")));
    }

    /** The element with this id (fails at once if absent). */
    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** Waits until the element with this id is displayed, and returns it. */
    public WebElement visible(String id) {
        return new WebDriverWait(driver, WAIT)
                .withMessage(() -> name + ": #" + id + " visible")
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** Elements matching a CSS selector, now. */
    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits up to {@link #WAIT} until {@code condition} returns a value that is neither null nor false. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return await(what, WAIT, condition);
    }

    /** Waits until {@code condition} returns a value that is neither null nor false; fails with {@code what}. */
    public <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> name + ": waiting for " + what + "\n" + consoleLog())
                .until(condition);
    }

    /** Runs JavaScript in the page ({@code arguments[i]} are the args) and returns its result. */
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a PNG of the viewport to {@code it/target/screenshots/<name>.png} and returns the path. */
    public Path screenshot(String shot) {
        Path dir = Repo.resolve("it/target/screenshots");
        Path file = dir.resolve(shot.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        try {
            Files.createDirectories(dir);
            Path tmp = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Like {@link #screenshot} but never throws (for failure paths). */
    public void screenshotQuietly(String shot) {
        try {
            screenshot(shot);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "screenshot failed", e);
        }
    }

    /** The browser console messages so far (errors, CSP violations, logs), one per line. */
    public String consoleLog() {
        try {
            List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
            return entries.stream()
                    .map(e -> "[" + name + " console " + e.getLevel() + "] " + e.getMessage())
                    .collect(Collectors.joining("\n"));
        } catch (WebDriverException e) {
            return "(no console log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (WebDriverException e) {
            LOG.log(Level.WARNING, name + ": quitting the browser failed", e);
        } finally {
            service.stop();
            Repo.deleteRecursively(profile);
        }
    }

    /**
     * JUnit condition for browser tests: enabled when Chromium and ChromeDriver are installed; otherwise the tests
     * are skipped with a loud message, except when the environment says {@code CI=true}: then they fail, so a CI
     * machine without the browser cannot pass silently.
     */
    public static final class Required implements org.junit.jupiter.api.extension.ExecutionCondition {
        @Override
        public org.junit.jupiter.api.extension.ConditionEvaluationResult evaluateExecutionCondition(
                org.junit.jupiter.api.extension.ExtensionContext context) {
            String missing = missing();
            if (missing == null) {
                return org.junit.jupiter.api.extension.ConditionEvaluationResult.enabled("Chromium present");
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but " + missing);
            }
            String banner = "\n" + "!".repeat(100) + "\n!!! BROWSER TESTS SKIPPED: " + missing + "\n" + "!".repeat(100);
            System.err.println(banner);
            LOG.warning(banner);
            return org.junit.jupiter.api.extension.ConditionEvaluationResult.disabled("SKIPPED: " + missing);
        }
    }
}

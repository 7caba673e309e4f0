package uk.mathshubs.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages (chromium, chromium-driver), driven through WebDriver as a person uses
 * the console: the pages, Keycloak's own sign-in page, the forms. Every page it opens can be held to axe-core's WCAG
 * rules, and photographed for the README.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriver driver;
    private final String gateway;
    private final Path profile;

    Browser(String gateway) throws IOException {
        this.gateway = gateway;
        this.profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                // As the machine's probe runs it: no sandbox as root, and none of Chromium's own calls home, which this
                // machine's closed network refuses.
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,1400", "--lang=en-GB",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Opens a console page by its path under the gateway ("/console/work-groups"). */
    Browser open(String path) {
        driver.get(gateway + path);
        return this;
    }

    /** Signs in on Keycloak's own page, where any console page sends a person who has not signed in. */
    Browser signIn(String user, String path) {
        open(path);
        waitFor(() -> driver.getCurrentUrl().contains("/realms/maths-hubs/"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo-password");
        andTheNextPage(() -> driver.findElement(By.id("kc-login")).click());
        waitFor(() -> driver.getCurrentUrl().startsWith(gateway + "/console"));
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String title() {
        return driver.getTitle();
    }

    String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    Browser click(By by) {
        driver.findElement(by).click();
        return this;
    }

    /** Sends the form of the page whose button says this, and waits for the page that answers. */
    Browser press(String button) {
        return andTheNextPage(() -> driver.findElement(By.xpath("//button[normalize-space(.)='" + button + "']")).click());
    }

    /** Follows the link, and waits for the page it leads to. */
    Browser clickLink(String text) {
        return andTheNextPage(() -> driver.findElement(By.partialLinkText(text)).click());
    }

    /** Follows the link found so, and waits for the page it leads to. */
    Browser follow(By link) {
        return andTheNextPage(() -> driver.findElement(link).click());
    }

    /** WebDriver's click returns before the page it leads to is there: wait until the one it left has gone. */
    private Browser andTheNextPage(Runnable action) {
        WebElement page = driver.findElement(By.tagName("html"));
        action.run();
        // Gone: stale, or (this chromedriver) "does not belong to the document" -- a WebDriverException either way.
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /** The field errors of the page's error summary, as a person reads them. */
    List<String> errorSummary() {
        return driver.findElements(By.cssSelector(".govuk-error-summary__list li")).stream().map(WebElement::getText).toList();
    }

    /** The session cookies, as a Cookie header: for calls outside the browser that must carry the same sign-in. */
    String cookieHeader() {
        return driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    java.util.Set<Cookie> cookies() {
        return driver.manage().getCookies();
    }

    /** The value of the page's first CSRF field: a form post outside the browser needs the signed-in person's token. */
    String csrfToken() {
        return driver.findElement(By.name("csrf")).getAttribute("value");
    }

    /** Saves the page as it looks, under target/console-screenshots, for the README. */
    Browser screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return this;
    }

    /**
     * Runs axe-core (npm) on the page as it is, for WCAG 2.0, 2.1 and 2.2 A and AA: the violations of serious or
     * critical impact, each as "rule: the first offending element".
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() throws IOException {
        JavascriptExecutor js = driver;
        js.executeScript(AxeCore.script());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                            target: v.nodes.length ? String(v.nodes[0].target) : ''}))))
                   .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), target: ''}]));
                """);
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
            if ("serious".equals(violation.get("impact")) || "critical".equals(violation.get("impact"))) {
                serious.add(violation.get("id") + " (" + violation.get("help") + "): " + violation.get("target"));
            }
        }
        return serious;
    }

    /** Holds the page to axe-core and saves its picture. */
    Browser accessibleAndPhotographed(String name) throws IOException {
        assertThat(accessibilityViolations()).as("serious or critical WCAG 2.2 AA violations on %s", url()).isEmpty();
        return screenshot(name);
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> condition.getAsBoolean());
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

}

package dev.gazette.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gazette.FixtureSite;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser on a preview page: the page must follow edits by itself, through live.js and the
 * event stream, and show build errors over the last good page. Uses Debian's chromium and
 * chromedriver so that nothing is downloaded.
 */
class BrowserLiveReloadTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String TREATY = "content/2022/12/treaty.md";
    private static final By BODY = By.cssSelector(".story-body");
    private static final By OVERLAY = By.id("gazette-build-error");

    @TempDir
    Path dir;
    @TempDir
    Path profile;
    FixtureSite site;
    RunningPreview preview;
    WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        requireBrowser();
        site = FixtureSite.write(dir, """
                -- gazette.yaml --
                title: Browser Courier
                -- content/2022/12/treaty.md --
                ---
                title: Allied treaty signed
                date: 2022-12-22 20:26
                category: Politics
                ---
                The two presidents signed the treaty in Tashkent.
                """);
        preview = RunningPreview.start(site);
        browser = chromium(profile);
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (preview != null) {
                preview.close();
            }
        }
    }

    @Test
    void openPageFollowsEditsAndShowsBuildErrorsUntilFixed() {
        browser.get(preview.uri("/2022/12/22/treaty/").toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Allied treaty signed");
        assertThat(browser.findElement(BODY).getText()).isEqualTo("The two presidents signed the treaty in Tashkent.");

        site.file(TREATY, treaty("The presidents signed the treaty in Astana."));
        await().until(ExpectedConditions.textToBe(BODY, "The presidents signed the treaty in Astana."));

        site.file(TREATY, """
                ---
                title: Allied treaty signed
                date: 2022-12-22 20:26
                tags: [Uzbekistan, Kazakhstan
                category: Politics
                ---
                A half-saved edit.
                """);
        await().until(ExpectedConditions.textMatches(OVERLAY,
                Pattern.compile("content/2022/12/treaty\\.md:5: invalid YAML")));
        assertThat(browser.findElement(OVERLAY).isDisplayed()).isTrue();
        assertThat(browser.findElement(BODY).getDomProperty("textContent").strip())
                .as("the last good page stays under the overlay")
                .isEqualTo("The presidents signed the treaty in Astana.");

        site.file(TREATY, treaty("The treaty entered into force."));
        await().until(ExpectedConditions.textToBe(BODY, "The treaty entered into force."));
        await().until(ExpectedConditions.numberOfElementsToBe(OVERLAY, 0));
    }

    private WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE, Duration.ofMillis(100));
        // The page reloads itself while we look at it.
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static String treaty(String body) {
        return FixtureSite.article("""
                title: Allied treaty signed
                date: 2022-12-22 20:26
                category: Politics
                """, body + "\n");
    }

    /** Skips without a browser on a developer machine; on CI (CI=true) a missing browser is a failure. */
    private static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(CHROMIUM + " and " + CHROMEDRIVER + " are needed on CI (CI=true); install the Debian packages "
                    + "chromium and chromium-driver, as .ci/run does");
        }
        assumeTrue(present, "no " + CHROMIUM + " or " + CHROMEDRIVER + ": browser test skipped");
    }

    private static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}

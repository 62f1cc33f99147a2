package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanjiaodi.devstack.DemoData;
import io.sanjiaodi.devstack.DemoFollowThrough;
import io.sanjiaodi.systemtest.RunningSystem.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs) against the running system with the five scenarios loaded. Screenshots are kept in
 * target/screenshots.
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final LocalSystem LOCAL = new LocalSystem("ui_");
    private static WebDriver browser;
    private static SystemProbe probe;

    @BeforeAll
    static void openBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian chromium and chromium-driver are not installed (.ci/run installs them)");
        probe = LOCAL.probe();
        var interviews = new DemoData(LOCAL.services().url(Service.INTERVIEW), Http.SIGNER).loadIfEmpty();
        new DemoFollowThrough(LOCAL.services().url(Service.RECTIFICATION), Http.SIGNER).run(interviews);
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1440,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theOverviewShowsTheApisFiguresALedgerOpensTheLanguageSwitchesAndNewEventsAppearLive() throws IOException {
        try {
            walkThroughTheDashboard();
        } catch (AssertionError | RuntimeException failure) {
            shot("failure");
            Files.writeString(SHOTS.resolve("failure.txt"), browser.getPageSource());
            throw failure;
        }
    }

    private void walkThroughTheDashboard() throws IOException {
        String dashboard = LOCAL.services().url(Service.AUDIT) + "/dashboard/";
        await().atMost(SystemProbe.WITHIN).until(() ->
                probe.get(Service.AUDIT, "/api/supervision/overview").get("interviewsHeld").asInt() == 5);
        browser.get(dashboard + "#/overview");
        await().atMost(SystemProbe.WITHIN).until(() -> figure("interviewsHeld").equals("5"));
        await().atMost(SystemProbe.WITHIN).until(() -> probe.get(Service.AUDIT, "/api/supervision/overview")
                .get("accountabilityCases").asInt() == 1);
        browser.navigate().refresh();
        JsonNode api = probe.get(Service.AUDIT, "/api/supervision/overview");
        for (String name : new String[]{"tasks", "tasksOpen", "tasksOverdue", "tasksClosed", "regulations",
                "accountabilityCases", "reportsLate"}) {
            await().atMost(SystemProbe.WITHIN).until(() -> figure(name).equals(api.get(name).asText()));
        }
        assertThat(api.get("tasksClosed").asInt()).isPositive();
        assertThat(api.get("tasksOverdue").asInt()).isPositive();
        assertThat(api.get("regulations").asInt()).isEqualTo(34 + 19);
        assertThat(browser.findElement(By.cssSelector("nav a[href='#/overview']")).getText()).isEqualTo("总览");
        assertThat(browser.findElements(By.cssSelector(".chart canvas"))).isNotEmpty();
        shot("overview-zh");

        browser.findElement(By.cssSelector("nav a[href='#/ledgers']")).click();
        await().atMost(SystemProbe.WITHIN).until(() -> !browser.findElements(By.cssSelector("tr.clickable")).isEmpty());
        browser.findElements(By.cssSelector("tr.clickable")).get(0).click();
        await().atMost(SystemProbe.WITHIN).until(() -> "ledger".equals(
                browser.findElement(By.id("view")).getDomAttribute("data-route")));
        assertThat(browser.findElement(By.id("view")).getText()).contains("主体责任履责清单", "所在单位问题清单");
        shot("ledger-zh");

        browser.findElement(By.cssSelector("nav a[href='#/units']")).click();
        await().atMost(SystemProbe.WITHIN).until(() -> "units".equals(
                browser.findElement(By.id("view")).getDomAttribute("data-route"))
                && !browser.findElements(By.cssSelector("tr.clickable")).isEmpty());
        assertThat(browser.findElement(By.id("view")).getText()).contains("年度考评 · 2019", "余姚市人民医院");
        shot("units-zh");
        browser.findElements(By.cssSelector("tr.clickable")).get(0).click();
        await().atMost(SystemProbe.WITHIN).until(() -> "ledger".equals(
                browser.findElement(By.id("view")).getDomAttribute("data-route")));

        browser.findElement(By.id("lang")).click();
        await().atMost(SystemProbe.WITHIN).until(() ->
                browser.findElement(By.cssSelector("nav a[href='#/overview']")).getText().equals("Overview"));
        browser.findElement(By.cssSelector("nav a[href='#/overview']")).click();
        await().atMost(SystemProbe.WITHIN).until(() -> figure("interviewsHeld").equals("5"));
        await().atMost(SystemProbe.WITHIN).until(() ->
                browser.findElement(By.id("live")).getText().equals("live"));

        probe.flow().scheduleWithListsAndConduct("实时更新测试单位");
        await().atMost(SystemProbe.WITHIN).until(() -> figure("interviewsHeld").equals("6"));
        shot("overview-en-live");

        browser.findElement(By.cssSelector("nav a[href='#/audit']")).click();
        await().atMost(SystemProbe.WITHIN).until(() -> !browser.findElements(By.cssSelector("button.verify")).isEmpty());
        var buttons = browser.findElements(By.cssSelector("button.verify"));
        buttons.get(buttons.size() - 1).click();
        await().atMost(SystemProbe.WITHIN).until(() -> !browser.findElements(By.cssSelector("[data-verified]")).isEmpty());
        shot("audit-verify");
        assertThat(browser.findElement(By.cssSelector("[data-verified]")).getDomAttribute("data-verified")).isEqualTo("true");
    }

    /** The figure as shown; empty while the page is (re-)rendering. */
    private static String figure(String name) {
        try {
            var cards = browser.findElements(By.cssSelector("[data-figure='" + name + "'] .value"));
            return cards.isEmpty() ? "" : cards.get(0).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException rerendered) {
            return "";
        }
    }

    private static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}

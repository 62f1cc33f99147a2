package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.devstack.DemoData;
import io.sanjiaodi.devstack.DemoFollowThrough;
import io.sanjiaodi.documents.Poppler;
import io.sanjiaodi.systemtest.RunningSystem.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchWindowException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs) against the running system with the five scenarios loaded, signed in through the auth
 * server's real login form (authorization code + PKCE) as the supervision office and as a unit
 * leader. Every figure is compared with what the API gives the signed-in user's own token.
 * Screenshots are kept in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final LocalSystem LOCAL = new LocalSystem("ui_").withAuthServer();

    private static final String[] FIGURES = {
        "interviewsHeld",
        "ledgers",
        "tasks",
        "tasksOpen",
        "tasksOverdue",
        "tasksClosed",
        "regulations",
        "accountabilityCases",
        "reportsLate"
    };
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebDriver browser;
    private static SystemProbe probe;

    @BeforeAll
    static void openBrowser() throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian chromium and chromium-driver are not installed (.ci/run installs them)");
        probe = LOCAL.probe();
        var interviews = new DemoData(LOCAL.services().url(Service.INTERVIEW), Http.SIGNER).loadIfEmpty();
        new DemoFollowThrough(LOCAL.services().url(Service.RECTIFICATION), Http.SIGNER).run(interviews);
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1440,1000",
                        "--user-data-dir=" + Files.createTempDirectory("chromium"));
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .build(),
                options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void theOverviewShowsTheApisFiguresALedgerOpensTheLanguageSwitchesAndNewEventsAppearLive() throws IOException {
        keepingEvidence("failure", this::walkThroughTheDashboard);
    }

    @Test
    @Order(2)
    void aUnitLeaderSignsInAfterTheOfficeSignedOutAndSeesWhatTheApiGivesItsToken() throws IOException {
        keepingEvidence("failure-unit-leader", () -> {
            signInAs("office");
            browser.findElement(By.id("sign-out")).click();
            await().atMost(SystemProbe.WITHIN).until(DashboardBrowserTest::onLoginForm);
            assertThat(token()).isNull();
            shot("signed-out");

            signInAs("unit-leader");
            assertThat(browser.findElement(By.id("user")).getText()).contains("张某");
            String token = token();
            for (String name : FIGURES) {
                await().atMost(SystemProbe.WITHIN)
                        .until(() -> figure(name)
                                .equals(api(token, "/api/supervision/overview")
                                        .get(name)
                                        .asText()));
            }
            shot("overview-unit-leader");
        });
    }

    /** The scoping itself, which the services do as resource servers: nothing is answered without a token. */
    @Test
    @Order(3)
    void theOfficeAndAUnitLeaderSeeDifferentDataEachAsTheApiGivesIt() throws IOException {
        assertThat(status(null, "/api/supervision/overview")).isEqualTo(401);
        keepingEvidence("failure-scoping", () -> {
            signInAs("office");
            JsonNode office = api(token(), "/api/supervision/overview");
            signInAs("unit-leader");
            String leaderToken = token();
            JsonNode leader = api(leaderToken, "/api/supervision/overview");

            assertThat(leader.get("interviewsHeld").asInt())
                    .isLessThan(office.get("interviewsHeld").asInt());
            assertThat(leader.get("tasks").asInt())
                    .isLessThan(office.get("tasks").asInt());
            for (String name : FIGURES) {
                await().atMost(SystemProbe.WITHIN)
                        .until(() -> figure(name).equals(leader.get(name).asText()));
            }
            // a unit leader's ledgers are its own unit's (市交通局, nb-transport) and nobody else's
            browser.findElement(By.cssSelector("nav a[href='#/ledgers']")).click();
            JsonNode ledgers = api(leaderToken, "/api/supervision/ledgers");
            await().atMost(SystemProbe.WITHIN)
                    .until(() ->
                            "ledgers".equals(browser.findElement(By.id("view")).getDomAttribute("data-route"))
                                    && browser.findElements(By.cssSelector("tr.clickable"))
                                                    .size()
                                            == ledgers.size());
            ledgers.forEach(l -> assertThat(l.get("unitId").asText()).isEqualTo("nb-transport"));
            shot("ledgers-unit-leader");
        });
    }

    /**
     * The browser's own verifier, not the server, decides: a proof answered with a changed entry,
     * a signature that does not verify or one that cannot be read at all is reported as failed.
     * The page's fetch is wrapped before each click, so the tampering happens between the
     * audit service and the verifier, as it would on the wire.
     */
    @Test
    @Order(4)
    void theBrowsersVerifierReportsFailureForATamperedEntryOrSignature() throws IOException {
        keepingEvidence("failure-tampered-proof", () -> {
            signInAs("office");
            script("localStorage.setItem('lang', 'zh')");
            browser.navigate().refresh();
            await().atMost(SystemProbe.WITHIN).until(() -> "office".equals(signedInAs()));
            browser.findElement(By.cssSelector("nav a[href='#/audit']")).click();
            await().atMost(SystemProbe.WITHIN)
                    .until(() -> browser.findElements(By.cssSelector("button.verify"))
                                    .size()
                            >= 5);
            script(TAMPERING);

            WebElement genuine = verifyInBrowser(1, "none");
            assertThat(genuine.getDomAttribute("data-verified")).isEqualTo("true");
            assertThat(genuine.getText()).contains("已包含在最新签名检查点中");

            String[][] tamperings = {
                {"entry", "ENTRY_CHANGED"},
                {"signature", "SIGNATURE_INVALID"},
                {"unreadable-signature", "SIGNATURE_NOT_CHECKED"},
                {"path", "ROOT_MISMATCH"}
            };
            for (int i = 0; i < tamperings.length; i++) {
                String[] tampering = tamperings[i];
                WebElement result = verifyInBrowser(2 + i, tampering[0]);
                assertThat(result.getDomAttribute("data-verified"))
                        .as(tampering[0])
                        .isEqualTo("false");
                assertThat(result.getText()).as(tampering[0]).contains("验证失败", tampering[1]);
            }
            shot("audit-verify-tampered");
        });
    }

    /**
     * Wraps the page's fetch: the inclusion proof is changed as {@code window.tampering} says
     * (none, entry, signature, unreadable-signature, path) before the verifier sees it.
     */
    private static final String TAMPERING = """
            if (!window.untamperedFetch) window.untamperedFetch = window.fetch;
            window.fetch = async (input, init) => {
              const res = await window.untamperedFetch(input, init);
              const url = typeof input === 'string' ? input : input.url;
              if (!url.includes('/api/audit/proofs/inclusion') || !res.ok) return res;
              const proof = await res.json();
              const flip = s => (s[0] === 'A' ? 'B' : 'A') + s.substring(1);
              switch (window.tampering) {
                case 'entry': proof.entry.type = proof.entry.type + 'Forged'; break;
                case 'signature': proof.checkpoint.signature = flip(proof.checkpoint.signature); break;
                case 'unreadable-signature': proof.checkpoint.signature = '!! not base64 !!'; break;
                case 'path': proof.auditPath[0] = (proof.auditPath[0][0] === '0' ? '1' : '0')
                  + proof.auditPath[0].substring(1); break;
              }
              return new Response(JSON.stringify(proof), { status: res.status, headers: res.headers });
            };""";

    /**
     * A printed interview record, as the office downloads it: its verification code, read back from
     * the PDF by poppler, opens the dashboard's verification view, which finds the audit entry of
     * the talk and verifies it against the signed checkpoint in the browser.
     */
    @Test
    @Order(5)
    void thePrintedRecordsVerificationCodeOpensTheAuditEntryAndItVerifies() throws IOException {
        keepingEvidence("failure-document-verification", () -> {
            String interviewId = probe.flow().scheduleWithListsAndConduct("文书核验测试单位");
            Path pdf = SHOTS.resolve("record-" + interviewId + ".pdf");
            String record =
                    LOCAL.services().url(Service.INTERVIEW) + "/api/interviews/" + interviewId + "/documents/record";
            // the view catches up with the talk just conducted (409 INTERVIEW_NOT_CONDUCTED until then)
            Files.write(
                    pdf,
                    await().atMost(SystemProbe.WITHIN)
                            .ignoreExceptions()
                            .until(() -> new Http().bytes(record), bytes -> true));
            String text;
            try {
                text = Poppler.text(pdf);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Matcher code = Pattern.compile("核验码：([0-9a-f-]{36})").matcher(text);
            assertThat(code.find()).as(text).isTrue();
            signInAs("office");
            await().atMost(SystemProbe.WITHIN).until(() -> {
                browser.get(LOCAL.services().url(Service.AUDIT) + "/dashboard/#/verify/" + code.group(1));
                browser.navigate().refresh();
                return !browser.findElements(By.cssSelector("[data-verified='true']"))
                                .isEmpty()
                        || awaitVerified();
            });
            assertThat(browser.findElement(By.cssSelector("table.fields")).getText())
                    .contains("InterviewConducted", interviewId);
            shot("document-verify");
        });
    }

    /** Whether the verification view, given a few seconds, reports the entry included. */
    private static boolean awaitVerified() {
        try {
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !browser.findElements(By.cssSelector("[data-verified='true']"))
                            .isEmpty());
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException notYet) {
            return false;
        }
    }

    /** Clicks the verify button of the audit table's row {@code fromEnd} from the bottom (older entries are checkpointed). */
    private static WebElement verifyInBrowser(int fromEnd, String tampering) {
        script("window.tampering = arguments[0]", tampering);
        List<WebElement> cells = browser.findElements(By.cssSelector("#view tbody tr td:last-child"));
        WebElement cell = cells.get(cells.size() - fromEnd);
        cell.findElement(By.cssSelector("button.verify")).click();
        await().atMost(SystemProbe.WITHIN)
                .until(() ->
                        !cell.findElements(By.cssSelector("[data-verified]")).isEmpty());
        return cell.findElement(By.cssSelector("[data-verified]"));
    }

    private static Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private void walkThroughTheDashboard() throws IOException {
        signInAs("office");
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("周静 · 监督室");
        String token = token();
        await().atMost(SystemProbe.WITHIN)
                .until(() -> api(token, "/api/supervision/overview")
                                .get("interviewsHeld")
                                .asInt()
                        == 5);
        await().atMost(SystemProbe.WITHIN).until(() -> figure("interviewsHeld").equals("5"));
        await().atMost(SystemProbe.WITHIN)
                .until(() -> api(token, "/api/supervision/overview")
                                .get("accountabilityCases")
                                .asInt()
                        == 1);
        browser.navigate().refresh();
        JsonNode api = api(token, "/api/supervision/overview");
        for (String name : new String[] {
            "tasks", "tasksOpen", "tasksOverdue", "tasksClosed", "regulations", "accountabilityCases", "reportsLate"
        }) {
            await().atMost(SystemProbe.WITHIN)
                    .until(() -> figure(name).equals(api.get(name).asText()));
        }
        assertThat(api.get("tasksClosed").asInt()).isPositive();
        assertThat(api.get("tasksOverdue").asInt()).isPositive();
        assertThat(api.get("regulations").asInt()).isEqualTo(34 + 19);
        assertThat(browser.findElement(By.cssSelector("nav a[href='#/overview']"))
                        .getText())
                .isEqualTo("总览");
        assertThat(browser.findElements(By.cssSelector(".chart canvas"))).isNotEmpty();
        shot("overview-zh");

        browser.findElement(By.cssSelector("nav a[href='#/ledgers']")).click();
        await().atMost(SystemProbe.WITHIN)
                .until(() ->
                        !browser.findElements(By.cssSelector("tr.clickable")).isEmpty());
        browser.findElements(By.cssSelector("tr.clickable")).get(0).click();
        await().atMost(SystemProbe.WITHIN)
                .until(() -> "ledger".equals(browser.findElement(By.id("view")).getDomAttribute("data-route")));
        assertThat(browser.findElement(By.id("view")).getText()).contains("主体责任履责清单", "所在单位问题清单");
        shot("ledger-zh");

        browser.findElement(By.cssSelector("nav a[href='#/units']")).click();
        await().atMost(SystemProbe.WITHIN)
                .until(() -> "units".equals(browser.findElement(By.id("view")).getDomAttribute("data-route"))
                        && !browser.findElements(By.cssSelector("tr.clickable")).isEmpty());
        assertThat(browser.findElement(By.id("view")).getText()).contains("年度考评 · 2019", "余姚市人民医院");
        shot("units-zh");
        browser.findElements(By.cssSelector("tr.clickable")).get(0).click();
        await().atMost(SystemProbe.WITHIN)
                .until(() -> "ledger".equals(browser.findElement(By.id("view")).getDomAttribute("data-route")));

        browser.findElement(By.id("lang")).click();
        await().atMost(SystemProbe.WITHIN)
                .until(() -> browser.findElement(By.cssSelector("nav a[href='#/overview']"))
                        .getText()
                        .equals("Overview"));
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("周静 · Supervision office");
        assertThat(browser.findElement(By.id("sign-out")).getText()).isEqualTo("Sign out");
        browser.findElement(By.cssSelector("nav a[href='#/overview']")).click();
        await().atMost(SystemProbe.WITHIN).until(() -> figure("interviewsHeld").equals("5"));
        await().atMost(SystemProbe.WITHIN)
                .until(() -> browser.findElement(By.id("live")).getText().equals("live"));

        probe.flow().scheduleWithListsAndConduct("实时更新测试单位");
        await().atMost(SystemProbe.WITHIN).until(() -> figure("interviewsHeld").equals("6"));
        shot("overview-en-live");

        browser.findElement(By.cssSelector("nav a[href='#/audit']")).click();
        await().atMost(SystemProbe.WITHIN)
                .until(() ->
                        !browser.findElements(By.cssSelector("button.verify")).isEmpty());
        var buttons = browser.findElements(By.cssSelector("button.verify"));
        buttons.get(buttons.size() - 1).click();
        await().atMost(SystemProbe.WITHIN)
                .until(() ->
                        !browser.findElements(By.cssSelector("[data-verified]")).isEmpty());
        shot("audit-verify");
        assertThat(browser.findElement(By.cssSelector("[data-verified]")).getDomAttribute("data-verified"))
                .isEqualTo("true");
        browser.findElement(By.id("lang")).click(); // back to Chinese for the tests after this one
    }

    /**
     * Opens the dashboard as this demo user: through the auth server's login form when nobody is
     * signed in, after signing the previous user out when somebody else is.
     */
    private static void signInAs(String user) throws IOException {
        browser.get(LOCAL.services().url(Service.AUDIT) + "/dashboard/#/overview");
        await().atMost(SystemProbe.WITHIN).until(() -> onLoginForm() || signedInAs() != null);
        if (!onLoginForm() && !user.equals(signedInAs())) {
            browser.findElement(By.id("sign-out")).click();
            await().atMost(SystemProbe.WITHIN).until(DashboardBrowserTest::onLoginForm);
        }
        if (onLoginForm()) {
            browser.findElement(By.id("username")).sendKeys(user);
            browser.findElement(By.id("password"))
                    .sendKeys(LOCAL.services().signIn().demoPassword());
            shot("login-" + user);
            browser.findElement(By.id("sign-in")).click();
        }
        await().atMost(SystemProbe.WITHIN).until(() -> user.equals(signedInAs()));
    }

    private static boolean onLoginForm() {
        return browser.getCurrentUrl().startsWith(LOCAL.services().signIn().url() + "/login")
                && !browser.findElements(By.id("sign-in")).isEmpty();
    }

    private static String signedInAs() {
        try {
            var user = browser.findElements(By.cssSelector("#user[data-user]"));
            return user.isEmpty() ? null : user.get(0).getDomAttribute("data-user");
        } catch (StaleElementReferenceException | NoSuchWindowException e) {
            return null;
        }
    }

    /** The access token the dashboard keeps for the signed-in user (sessionStorage of its origin). */
    private static String token() {
        return (String)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "const s = JSON.parse(sessionStorage.getItem('sanjiaodi.token') || 'null'); return s && s.accessToken;");
    }

    /** What audit-service answers this token (not the tests' Http, which picks a user itself). */
    private static JsonNode api(String token, String path) {
        HttpResponse<String> response = send(token, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int status(String token, String path) {
        return send(token, path).statusCode();
    }

    private static HttpResponse<String> send(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(LOCAL.services().url(Service.AUDIT) + path))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface Steps {
        void run() throws IOException;
    }

    private static void keepingEvidence(String name, Steps steps) throws IOException {
        try {
            steps.run();
        } catch (AssertionError | RuntimeException failure) {
            shot(name);
            Files.writeString(SHOTS.resolve(name + ".txt"), browser.getCurrentUrl() + "\n" + browser.getPageSource());
            throw failure;
        }
    }

    /** The figure as shown; empty while the page is (re-)rendering. */
    private static String figure(String name) {
        try {
            var cards = browser.findElements(By.cssSelector("[data-figure='" + name + "'] .value"));
            return cards.isEmpty() ? "" : cards.get(0).getText();
        } catch (StaleElementReferenceException rerendered) {
            return "";
        }
    }

    private static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}

package no.ipshub.hub.ops;

import static no.ipshub.hub.ops.OpsTestHub.NAV_OFFICE;
import static no.ipshub.hub.ops.OpsTestHub.OPERATOR;
import static no.ipshub.hub.ops.OpsTestHub.OPERATOR_KEY;
import static no.ipshub.hub.ops.OpsTestHub.newCaseId;
import static no.ipshub.hub.ops.OpsTestHub.newMessageId;
import static no.ipshub.hub.ops.OpsTestHub.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import no.ipshub.connectors.nhn.AppRec;
import no.ipshub.connectors.nhn.AppRecError;
import no.ipshub.connectors.nhn.NhnDeliveryStore;
import no.ipshub.connectors.nhn.ReceiptError;
import no.ipshub.engine.supervision.LoopHandle;
import no.ipshub.engine.supervision.LoopKind;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.operations.dashboard.OpsSignIn;
import no.ipshub.routes.intake.IntakeReplies;
import no.ipshub.schemas.identifiers.SyntheticIdentifiers;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Referral;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/*
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver): an operator signs in with
 * the API key, the page loads without console errors and shows the routes, the loops and a dead letter the test
 * created, a click on Replay makes the message reach the recipient's inbox, partners are added, suspended and
 * removed, a lag alert shows while a record waits on a suspended route, and a message sent over Norsk helsenett
 * shows with its AppRec. Screenshots of the page are saved as target/ops-dashboard.png, target/ops-lag-alert.png
 * and target/ops-dashboard-nhn.png. Skipped only where /usr/bin/chromium is not installed.
 */
@ExtendWith(OpsTestHub.Extension.class)
class OpsDashboardIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "ops-dashboard.png");
    private static final Path LAG_ALERT_SCREENSHOT = Path.of("target", "ops-lag-alert.png");
    private static final Duration UI = Duration.ofSeconds(30);
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final int TRAFFIC = 40;

    @TempDir
    static Path browserProfile;

    private static OpsTestHub hub;
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM),
                "Debian's chromium is not installed at " + CHROMIUM + " (apt-get install chromium chromium-driver): "
                        + "skipping the dashboard browser test");
        hub = OpsTestHub.shared();
        // the system's driver, so that Selenium Manager never tries to download one
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1440,2600", "--user-data-dir=" + browserProfile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorSeesTheRoutesAndADeadLetterAndReplaysItIntoTheInbox() throws IOException {
        sendTraffic(TRAFFIC);
        HubMessage message = referral(newMessageId(), newCaseId());
        String deadLetterId = hub.publishDeadLetterOfValidMessage(message);
        await().atMost(DELIVERY).until(() -> hub.deadLetter(deadLetterId) != null);

        signIn();
        WebDriverWait wait = new WebDriverWait(browser, UI);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("routes"), "partner-ingress"));
        By row = By.cssSelector("tr[data-dead-letter='" + deadLetterId + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        waitForThroughputChart(wait);
        saveScreenshot();

        clickButtonInRow(wait, row, "button[data-action='replay']");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ops-flash"), "Replayed dead letter"));
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(hub.inbox(NAV_OFFICE)).contains(message.getMessageId()));
        assertThat(hub.deadLetter(deadLetterId).path("deadLetter").path("decidedBy").asString()).isEqualTo(OPERATOR);
        assertThat(severeConsoleEntries()).isEmpty();
    }

    /** Clicks a button of a table row; the dashboard redraws its tables every few seconds, so a row found may go stale. */
    private static void clickButtonInRow(WebDriverWait wait, By row, String button) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(row).findElement(By.cssSelector(button)).click();
            return true;
        });
    }

    /* The Loops section lists the hub's loops running, and a loop that failed as restarting with its failure. */
    @Test
    void theLoopsSectionShowsALoopThatFailedRestartingWithItsFailure() {
        LoopHandle loop = hub.bean(SupervisedLoops.class).register("ops-dashboard-it-loop", LoopKind.THREAD);
        try {
            loop.failed(new IllegalStateException("the dashboard test broke it"));

            signIn();
            WebDriverWait wait = new WebDriverWait(browser, UI);
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#loops tr[data-loop='" + IntakeReplies.LOOP + "'][data-state='RUNNING']")));
            WebElement failed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#loops tr[data-loop='ops-dashboard-it-loop'][data-state='RESTARTING']")));

            assertThat(failed.getText()).contains("IllegalStateException: the dashboard test broke it");
            assertThat(severeConsoleEntries()).isEmpty();
        } finally {
            loop.stopped();
        }
    }

    @Test
    void discardAsksForAReasonAndRecordsIt() {
        HubMessage message = referral(newMessageId(), newCaseId());
        String deadLetterId = hub.publishDeadLetterOfValidMessage(message);
        await().atMost(DELIVERY).until(() -> hub.deadLetter(deadLetterId) != null);

        signIn();
        WebDriverWait wait = new WebDriverWait(browser, UI);
        By row = By.cssSelector("tr[data-dead-letter='" + deadLetterId + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        clickButtonInRow(wait, row, "button[data-action='discard']");
        WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#discard-dialog textarea[name='reason']")));
        reason.sendKeys("sent twice by the partner's test system");
        browser.findElement(By.cssSelector("#discard-dialog button[type='submit']")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ops-flash"), "Discarded dead letter"));
        JsonNode discarded = hub.deadLetter(deadLetterId).path("deadLetter");
        assertThat(discarded.path("status").asString()).isEqualTo("DISCARDED");
        assertThat(discarded.path("discardReason").asString()).isEqualTo("sent twice by the partner's test system");
        assertThat(severeConsoleEntries()).isEmpty();
    }

    @Test
    void detailsShowTheMessageWithPersonalValuesMasked() {
        HubMessage message = referral(newMessageId(), newCaseId());
        String deadLetterId = hub.publishDeadLetterOfValidMessage(message);
        await().atMost(DELIVERY).until(() -> hub.deadLetter(deadLetterId) != null);

        signIn();
        WebDriverWait wait = new WebDriverWait(browser, UI);
        By row = By.cssSelector("tr[data-dead-letter='" + deadLetterId + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        browser.findElement(row).findElement(By.cssSelector("button[data-action='details']")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dl-detail"), message.getMessageId()));
        String detail = browser.findElement(By.id("dl-detail")).getText();
        assertThat(detail).contains("\"participantNationalId\" : \"[masked]\"").doesNotContain(OpsTestHub.NATIONAL_ID);
        assertThat(severeConsoleEntries()).isEmpty();
    }

    /*
     * An operator adds a treatment team on the form, sees its API key once (and the key works at once), then
     * suspends and removes it with the buttons in its row, confirming each.
     */
    @Test
    void anOperatorAddsSuspendsAndRemovesAPartner() {
        String id = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        signIn();
        WebDriverWait wait = new WebDriverWait(browser, UI);
        browser.findElement(By.cssSelector("#partner-add input[name='id']")).sendKeys(id);
        browser.findElement(By.cssSelector("#partner-add input[name='name']")).sendKeys("Team added in the browser");
        browser.findElement(By.cssSelector("#partner-add input[name='organisation']"))
                .sendKeys(new SyntheticIdentifiers(id.hashCode()).organisationNumber());
        browser.findElement(By.cssSelector("#partner-add button[type='submit']")).click();

        WebElement added = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ops-flash [data-added-partner='" + id + "'] code.secret")));
        String apiKey = added.getText();
        HubMessage message = referral(newMessageId(), newCaseId());
        message.setSender(id);
        ((Referral) message.getPayload()).setReferringTeam(id);
        assertThat(hub.post("/api/v1/messages?dryRun=true", apiKey, new HubMessageJson().toJson(message)).statusCode())
                .isEqualTo(200);

        By row = By.cssSelector("tr[data-partner='" + id + "']");
        clickInRow(wait, row, "Suspend");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ops-flash"), "Suspended partner " + id));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "SUSPENDED"));

        clickInRow(wait, row, "Remove");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ops-flash"), "Removed partner " + id));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
        assertThat(hub.getJson("/api/v1/ops/partners/" + id).path("status").asString()).isEqualTo("REMOVED");
        assertThat(severeConsoleEntries()).isEmpty();
    }

    /*
     * The partner-ingress route suspended, a team's record waits on its ingress topic: once it has waited the lag
     * alert age, the lag section shows the alert naming the topic, without a reload. Resumed, the alert goes.
     */
    @Test
    void aLagAlertAppearsInTheLagSectionWhileARecordWaitsAndGoesOnceItIsTakenIn() throws IOException {
        String topic = hub.topics().ingressFor(OpsTestHub.TEAM);
        HubMessage message = referral(newMessageId(), newCaseId());
        signIn();
        WebDriverWait wait = new WebDriverWait(browser, UI);
        try {
            hub.suspendRoute(OpsTestHub.INGRESS_ROUTE);
            hub.produce(topic, message.getCaseId().getBytes(StandardCharsets.UTF_8), hub.wireBytes(message));

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lag-alerts"), topic));
            saveScreenshot(LAG_ALERT_SCREENSHOT);
        } finally {
            hub.resumeRoute(OpsTestHub.INGRESS_ROUTE);
        }
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("lag-alerts")));
        assertThat(hub.inbox(NAV_OFFICE)).contains(message.getMessageId());
    }

    /**
     * A message sent over Norsk helsenett and answered with AppRec AVVIST by the receiver's EPJ (recorded in the
     * outbox as the dispatcher records it) shows in the Norsk helsenett section with its receipt's codes.
     */
    @Test
    void theNorskHelsenettSectionShowsEachMessagesApplicationReceipt() throws IOException {
        NhnDeliveryStore deliveries = hub.bean(NhnDeliveryStore.class);
        String messageId = newMessageId();
        Instant now = Instant.now();
        deliveries.enqueue(List.of(new NhnDeliveryStore.NewDelivery(OpsTestHub.TEAM, messageId, newCaseId(), 990011,
                hub.topics().inboxFor(OpsTestHub.TEAM), 0, 0, new byte[] {0})), now);
        long id = deliveries.sentTo(messageId, 990011).orElseThrow();
        deliveries.claim(id, "ops-dashboard-it", now, now.plusSeconds(60)).orElseThrow();
        deliveries.receipt(id, "ops-dashboard-it", now, AppRec.rejected(messageId,
                List.of(new ReceiptError(AppRecError.E21, "Mottaker finnes ikke"))));

        signIn();
        WebDriverWait wait = new WebDriverWait(browser, UI);
        By receipt = By.cssSelector("tr[data-nhn-delivery='" + messageId + "'] td[data-apprec='AVVIST']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(receipt));

        assertThat(browser.findElement(receipt).getText()).contains("AVVIST: E21 Mottaker finnes ikke");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('section-nhn').scrollIntoView()");
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "ops-dashboard-nhn.png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(severeConsoleEntries()).isEmpty();
    }

    /** Clicks the row's button and accepts its confirmation; the row is redrawn every few seconds, so it retries. */
    private static void clickInRow(WebDriverWait wait, By row, String button) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(row).findElement(By.xpath(".//button[normalize-space()='" + button + "']")).click();
            return true;
        });
        wait.until(ExpectedConditions.alertIsPresent()).accept();
    }

    /** Valid referrals through the team's ingress topic, so that the page has figures to show; waits for delivery. */
    private static void sendTraffic(int messages) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            HubMessage m = referral(newMessageId(), newCaseId());
            hub.produce(hub.topics().ingressFor(OpsTestHub.TEAM), m.getCaseId().getBytes(StandardCharsets.UTF_8),
                    hub.wireBytes(m));
            ids.add(m.getMessageId());
        }
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(hub.inbox(NAV_OFFICE)).containsAll(ids));
    }

    private static void signIn() {
        // leave the previous test's page for the sign-in page (which does not poll) before the cookie goes, and
        // drop the console entries of earlier pages: each test judges the page it loads itself
        browser.get(hub.baseUrl() + OpsSignIn.LOGIN_PATH);
        browser.manage().logs().get(LogType.BROWSER);
        browser.manage().deleteAllCookies();
        browser.get(hub.baseUrl() + "/ops");
        new WebDriverWait(browser, UI).until(ExpectedConditions.urlContains("/ops/login"));
        browser.findElement(By.name("apiKey")).sendKeys(OPERATOR_KEY);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        new WebDriverWait(browser, UI).until(ExpectedConditions.presenceOfElementLocated(By.id("section-routes")));
    }

    /** Waits until Chart.js draws at least one route's records per second (two samples are needed for a rate). */
    private static void waitForThroughputChart(WebDriverWait wait) {
        wait.until(driver -> Boolean.TRUE.equals(((ChromeDriver) driver).executeScript(
                "var c = window.Chart && Chart.getChart('throughput-chart');"
                        + " return !!c && c.data.datasets.length > 0 && c.data.labels.length > 1;")));
    }

    private static void saveScreenshot() throws IOException {
        saveScreenshot(SCREENSHOT);
    }

    private static void saveScreenshot(Path file) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(file.getParent());
        Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<String> severeConsoleEntries() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }
}

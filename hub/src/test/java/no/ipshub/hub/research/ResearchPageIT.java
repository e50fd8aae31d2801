package no.ipshub.hub.research;

import static no.ipshub.hub.ops.OpsTestHub.NAV_OFFICE;
import static no.ipshub.hub.ops.OpsTestHub.NAV_OFFICE_KEY;
import static no.ipshub.hub.ops.OpsTestHub.OPERATOR_KEY;
import static no.ipshub.hub.ops.OpsTestHub.RESEARCHER_KEY;
import static no.ipshub.hub.ops.OpsTestHub.TABLE_READER_KEY;
import static no.ipshub.hub.ops.OpsTestHub.TEAM;
import static no.ipshub.hub.ops.OpsTestHub.TEAM_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import no.ipshub.hub.ops.OpsTestHub;
import no.ipshub.schemas.identifiers.SyntheticIdentifiers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
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

/*
 * The research page in a real headless Chromium (Debian's chromium and chromium-driver), on the shared test hub.
 * Six consenting participants are referred by haukeland-tsb to nav-bergenhus (accepted, an employer contact five
 * days later) and one to nav-arstad, through the partners' HTTP edge. A researcher signs in with the key; the page
 * loads without console errors, draws its charts (fidelity, months, the survival curve, the pair's timeline), and
 * shows NAV Årstad's single participant as suppressed. The demo table reader signs in on the same form and sees the
 * tables without the row exports and the timelines. A screenshot is saved as target/research-page.png. Skipped only where
 * /usr/bin/chromium is not installed.
 */
@ExtendWith(OpsTestHub.Extension.class)
class ResearchPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "research-page.png");
    private static final Duration UI = Duration.ofSeconds(30);
    private static final Duration LOGGED = Duration.ofSeconds(60);
    private static final String SMALL_OFFICE = "nav-arstad";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));
    private static final String PERIOD = "from=" + TODAY.minusDays(90) + "&to=" + TODAY;

    @TempDir
    static Path browserProfile;

    private static OpsTestHub hub;
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowserAndLogCases() {
        assumeTrue(Files.isExecutable(CHROMIUM),
                "Debian's chromium is not installed at " + CHROMIUM + " (apt-get install chromium chromium-driver): "
                        + "skipping the research page browser test");
        hub = OpsTestHub.shared();
        logCases();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1440,3200", "--user-data-dir=" + browserProfile);
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
    void researcherSeesFidelityIndicatorsAndThePairsTimelineWithTheSmallOfficeSuppressed() throws IOException {
        signIn();
        browser.get(hub.baseUrl() + "/research?" + PERIOD);
        WebDriverWait wait = new WebDriverWait(browser, UI);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fidelity-table")));
        waitForChart(wait, "fidelity-chart");
        waitForChart(wait, "month-chart");
        waitForChart(wait, "survival-chart");
        waitForChart(wait, "timeline-chart");
        saveScreenshot();

        WebElement arstad = browser.findElement(By.cssSelector("#indicators-nav-office tr[data-group='" + SMALL_OFFICE + "']"));
        WebElement referrals = arstad.findElements(By.tagName("td")).get(0);
        assertThat(List.of(referrals.getText(), referrals.getAttribute("data-suppression")))
                .containsExactly("suppressed", "PRIMARY");
        assertThat(browser.findElement(By.id("not-from-events")).findElements(By.tagName("li"))).hasSize(13);
        assertThat(severeConsoleEntries()).isEmpty();
    }

    /* The survival table has a row per team and ALL; the curve's first point is 1 for every group. */
    @Test
    void researcherSeesTheTimeToTheFirstJobPerTeam() {
        signIn(RESEARCHER_KEY);
        browser.get(hub.baseUrl() + "/research?" + PERIOD);
        WebDriverWait wait = new WebDriverWait(browser, UI);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("survival-table")));
        waitForChart(wait, "survival-chart");

        Object first = browser.executeScript("return Chart.getChart('survival-chart').data.datasets[0].data[0];");
        assertThat(List.of(browser.findElements(By.cssSelector("#survival-table tbody tr")).size() >= 2,
                String.valueOf(first))).containsExactly(true, "1");
    }

    /* A review of haukeland-tsb imported as CSV shows beside the event evidence: 25 items and the total. */
    @Test
    void researcherSeesTheFidelityReviewBesideTheEvents() {
        String csv = "team,reviewDate,item,score\n" + java.util.stream.IntStream.rangeClosed(1, 25)
                .mapToObj(n -> TEAM + "," + TODAY.minusDays(10) + "," + n + ",3").collect(java.util.stream.Collectors.joining("\n"));
        HttpResponse<String> imported = hub.send(HttpRequest.newBuilder(URI.create(hub.baseUrl()
                + "/api/v1/research/fidelity/reviews")).header("Authorization", "Bearer " + RESEARCHER_KEY)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        signIn(RESEARCHER_KEY);
        browser.get(hub.baseUrl() + "/research?" + PERIOD);
        WebElement table = new WebDriverWait(browser, UI).until(ExpectedConditions.presenceOfElementLocated(
                By.id("review-table-" + TEAM)));

        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertThat(List.of(rows.size(), rows.get(25).findElements(By.tagName("td")).get(0).getText())).containsExactly(26, "75");
    }

    /* A table reader signs in on the same form and sees the tables, but no row export and no case timeline. */
    @Test
    void tableReaderSeesTheTablesButNoRowExportsOrTimelines() {
        signIn(TABLE_READER_KEY);
        browser.get(hub.baseUrl() + "/research?" + PERIOD);
        WebDriverWait wait = new WebDriverWait(browser, UI);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fidelity-table")));
        waitForChart(wait, "survival-chart");

        assertThat(List.of(browser.findElements(By.cssSelector("a[href*='entries.csv']")).size(),
                browser.findElements(By.id("pair")).size(), severeConsoleEntries().size())).containsExactly(0, 0, 0);
    }

    @Test
    void browserWithoutSignInIsSentToTheSignInForm() {
        HttpResponse<String> response = hub.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/research"))
                .header("Accept", "text/html").GET());

        assertThat(List.of(String.valueOf(response.statusCode()), response.headers().firstValue("Location").orElse("")))
                .containsExactly("302", hub.baseUrl() + "/research/login");
    }

    @Test
    void operatorKeyDoesNotSignInToTheResearchPage() {
        HttpResponse<String> response = hub.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/research/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("apiKey=" + URLEncoder.encode(OPERATOR_KEY, StandardCharsets.UTF_8))));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /** Seven referrals through the partners' edge, and waits until the collaboration log holds them. */
    private static void logCases() {
        SyntheticIdentifiers people = new SyntheticIdentifiers(20260101L);
        for (int i = 0; i < 6; i++) {
            String caseId = "case-research-page-" + UUID.randomUUID();
            LocalDate referred = TODAY.minusDays(60 - i);
            send(TEAM_KEY, referral(caseId, NAV_OFFICE, people.nationalId(), referred));
            send(NAV_OFFICE_KEY, followUp(caseId, NAV_OFFICE, TEAM, "REFERRAL_ACCEPTED", referred.plusDays(1)));
            send(TEAM_KEY, followUp(caseId, TEAM, NAV_OFFICE, "EMPLOYER_CONTACT\",\"employerOrganisationNumber\":\""
                    + people.organisationNumber(), referred.plusDays(5)));
        }
        send(TEAM_KEY, referral("case-research-page-" + UUID.randomUUID(), SMALL_OFFICE, people.nationalId(),
                TODAY.minusDays(50)));
        await().atMost(LOGGED).until(() -> hub.get("/api/v1/research/entries?" + PERIOD + "&navOffice=" + SMALL_OFFICE,
                RESEARCHER_KEY).body().contains("\"totalElements\":1"));
    }

    private static void send(String key, String json) {
        HttpResponse<String> response = hub.post("/api/v1/messages", key, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static String referral(String caseId, String navOffice, String nationalId, LocalDate day) {
        return envelope(caseId, TEAM, navOffice, "{\"type\":\"referral\",\"participantNationalId\":\"" + nationalId
                + "\",\"referringTeam\":\"" + TEAM + "\",\"navOffice\":\"" + navOffice + "\",\"referralDate\":\"" + day
                + "\",\"researchConsent\":true}");
    }

    private static String followUp(String caseId, String sender, String recipient, String kind, LocalDate day) {
        return envelope(caseId, sender, recipient, "{\"type\":\"followUp\",\"kind\":\"" + kind + "\",\"date\":\""
                + (day.isAfter(TODAY) ? TODAY : day) + "\"}");
    }

    private static String envelope(String caseId, String sender, String recipient, String payload) {
        String now = Instant.now().toString();
        return "{\"messageId\":\"" + UUID.randomUUID() + "\",\"caseId\":\"" + caseId + "\",\"sender\":\"" + sender
                + "\",\"recipient\":\"" + recipient + "\",\"occurredAt\":\"" + now + "\",\"recordedAt\":\"" + now
                + "\",\"schemaVersion\":1,\"payload\":" + payload + "}";
    }

    private static void signIn() {
        signIn(RESEARCHER_KEY);
    }

    private static void signIn(String key) {
        browser.manage().deleteAllCookies();
        browser.get(hub.baseUrl() + "/research");
        new WebDriverWait(browser, UI).until(ExpectedConditions.urlContains("/research/login"));
        browser.findElement(By.name("apiKey")).sendKeys(key);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        new WebDriverWait(browser, UI).until(ExpectedConditions.presenceOfElementLocated(By.id("section-fidelity")));
        // each test judges the console of the page it loads itself
        browser.manage().logs().get(LogType.BROWSER);
    }

    /** Waits until Chart.js has drawn the chart on the canvas with at least one dataset. */
    private static void waitForChart(WebDriverWait wait, String canvas) {
        wait.until(driver -> Boolean.TRUE.equals(((ChromeDriver) driver).executeScript(
                "var c = window.Chart && Chart.getChart('" + canvas + "'); return !!c && c.data.datasets.length > 0;")));
    }

    private static void saveScreenshot() throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<String> severeConsoleEntries() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }
}

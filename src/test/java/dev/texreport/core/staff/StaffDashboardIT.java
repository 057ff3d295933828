package dev.texreport.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.texreport.core.ReportLog;
import dev.texreport.core.course.TemplatePack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staff page of a course at the midterm deadline ({@link StaffCourse}: teams built with real TeX, git commits
 * with real dates, a change view made with real latexdiff), checked in a real headless Chromium: the rows and their
 * statuses, sorting and filtering as a user clicks them, thumbnails that load, links that lead to files, a print
 * layout, and that the page requests nothing but its own files (the browser's record of every request, including
 * the ones its policy blocks). Skipped, saying so, only where Debian's chromium is not installed.
 */
class StaffDashboardIT {
    @TempDir
    static Path dir;

    private static StaffCourse course;
    private static Path staff;
    private static StaffAggregator.Outcome outcome;
    private static JsonNode summary;

    @BeforeAll
    static void buildTheCourseAndAggregate() throws Exception {
        course = new StaffCourse(dir.resolve("course")).build(true);
        staff = dir.resolve("course/target/report/staff");
        List<StaffAggregator.ProjectSummary> projects = new ArrayList<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (String team : StaffCourse.TEAMS) {
            projects.add(new StaffAggregator.ProjectSummary(team,
                    course.team(team).resolve("target/report/summary.json"), 3.0));
            expected.put(team, "no summary.json: its report was not built yet (run report:build)");
        }
        CourseView view = CourseView.of(TemplatePack.load("staff-pack", course.team("alpaca"),
                StaffDashboardIT.class.getClassLoader()));
        outcome = new StaffAggregator(ReportLog.SILENT, 2).aggregate(new StaffAggregator.Request(staff, projects,
                List.of(), expected, view, null, null));
        summary = new ObjectMapper().readTree(staff.resolve("summary.json").toFile());
    }

    private static JsonNode cell(String team, String milestone) {
        for (JsonNode t : summary.path("teams")) {
            if (t.path("team").asText().equals(team)) {
                for (JsonNode m : t.path("milestones")) {
                    if (m.path("id").asText().equals(milestone)) {
                        return m;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void theSummaryHasEveryTeamWithWhatStaffLookFor() {
        List<String> teams = new ArrayList<>();
        summary.path("teams").forEach(t -> teams.add(t.path("team").asText()));
        assertEquals(StaffCourse.TEAMS, teams);
        assertEquals("passed", cell("alpaca", "midterm").path("status").asText());
        assertEquals(false, cell("alpaca", "proposal").path("late").asBoolean(true), "committed the day before");
        assertEquals("over the limit", cell("badger", "midterm").path("status").asText());
        assertTrue(cell("badger", "midterm").path("contentPages").asDouble() > 6);
        assertEquals("failed", cell("cormorant", "midterm").path("status").asText());
        assertTrue(cell("cormorant", "midterm").path("firstError").asText().contains("Undefined control sequence"),
                cell("cormorant", "midterm").toString());
        assertEquals(true, cell("cormorant", "proposal").path("late").asBoolean(false), "committed two days late");
        assertEquals("over the limit (not failing)", cell("dingo", "proposal").path("status").asText());
        JsonNode ferret = summary.path("teams").get(5);
        assertTrue(ferret.path("buildWarnings").get(0).asText().startsWith("src/report/results/unused.json: no "
                + "milestone uses this results file"), ferret.toString());
        assertEquals(1, cell("dingo", "proposal").path("warnings").asInt(), "over the limit, as a warning");
        JsonNode eland = summary.path("teams").get(4);
        assertEquals("eland", eland.path("team").asText());
        assertEquals("no summary.json: its report was not built yet (run report:build)", eland.path("missing").asText());
        assertEquals(List.of("eland: no summary.json: its report was not built yet (run report:build)"),
                outcome.missing());
        assertEquals("2026-04-10T23:59-04:00", summary.path("milestones").get(1).path("due").asText());
        assertEquals("Proposal feedback", summary.path("events").get(0).path("title").asText());
    }

    @Test
    void theChangeViewShowsWhatTheMidtermAddedToTheProposal() throws Exception {
        JsonNode midterm = cell("alpaca", "midterm");
        assertEquals("proposal", midterm.path("compareAgainst").asText());
        Path diff = staff.resolve(midterm.path("compare").asText());
        assertTrue(Files.isRegularFile(diff), diff.toString());
        try (PDDocument pdf = Loader.loadPDF(diff.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            // latexdiff marks each added word on its own.
            assertTrue(text.contains("heavy") && text.contains("augmentation"), "the midterm's new words: " + text);
            assertTrue(text.contains("Results"), "and its new section");
        }
        assertTrue(cell("badger", "midterm").hasNonNull("compare"), "an over-long midterm is compared too");
        assertFalse(cell("dingo", "proposal").hasNonNull("compare"), "a first milestone has nothing to compare with");
    }

    @Test
    void theLogTableHasOneLinePerTeam() {
        assertEquals("team       proposal                  midterm", outcome.table().get(0).replaceAll(" +$", "")
                .replaceAll("proposal +midterm", "proposal                  midterm"));
        assertTrue(outcome.table().get(3).matches("cormorant +\\d\\.\\d/2 ok late +FAILED"), outcome.table().get(3));
        assertTrue(outcome.table().get(5).matches("eland +missing +missing"), outcome.table().get(5));
    }

    /** One browser for all tests (starting one takes seconds), with a clean record of requests for each. */
    private static HeadlessChromium shared;

    private static HeadlessChromium chromium() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(), "Debian's chromium is not installed (" + HeadlessChromium
                .BINARY + "): the staff page's browser test is skipped. Install it with apt-get install chromium.");
        if (shared == null) {
            shared = new HeadlessChromium(1280, 900);
        }
        shared.emulatePrint(false);
        shared.forget();
        return shared;
    }

    @AfterAll
    static void closeTheBrowser() {
        if (shared != null) {
            shared.close();
        }
    }

    private static String page(String fragment) {
        return staff.resolve("index.html").toUri() + fragment;
    }

    private static List<String> visibleTeams(HeadlessChromium browser) throws Exception {
        List<String> teams = new ArrayList<>();
        browser.evaluate("[...document.querySelectorAll('#teams tbody tr')].filter(r => !r.hidden)"
                + ".map(r => r.querySelector('.team').textContent)").forEach(t -> teams.add(t.asText()));
        return teams;
    }

    @Test
    void theBrowserShowsOneRowPerTeamWithItsStatuses() throws Exception {
        HeadlessChromium browser = chromium();
        browser.open(page(""));
        assertEquals(StaffCourse.TEAMS, visibleTeams(browser));
        assertEquals("6 of 6 teams", browser.evaluate("document.getElementById('shown').textContent").asText());
        JsonNode statuses = browser.evaluate("Object.fromEntries([...document.querySelectorAll('#teams tbody tr')]"
                + ".map(r => [r.dataset.team, [...r.querySelectorAll('td')].map(td => "
                + "td.querySelector('.status').textContent)]))");
        assertEquals("[\"passed\",\"passed\"]", statuses.path("alpaca").toString());
        assertEquals("[\"passed\",\"over the limit\"]", statuses.path("badger").toString());
        assertEquals("[\"passed\",\"failed\"]", statuses.path("cormorant").toString());
        assertEquals("[\"over the limit (not failing)\",\"missing\"]", statuses.path("dingo").toString());
        assertEquals("[\"missing\",\"missing\"]", statuses.path("eland").toString());
        String cormorant = browser.evaluate("document.getElementById('team-cormorant').innerText").asText();
        assertTrue(cormorant.contains("late by 1 day 9 hours"), cormorant);
        assertTrue(cormorant.contains("Undefined control sequence"), "the first error: " + cormorant);
        String ferret = browser.evaluate("document.getElementById('team-ferret').innerText").asText();
        assertTrue(ferret.contains("warning: src/report/results/unused.json") && ferret.contains("on time"), ferret);
        String header = browser.evaluate("document.querySelector('header').innerText").asText();
        assertTrue(header.contains("Proposal feedback") && header.contains("Mid-Project Report due"), header);
        assertEquals(List.of(), browser.consoleErrors(), "no script error, no policy violation");
    }

    @Test
    void sortingByClickingAColumnAndThroughTheAddress() throws Exception {
        HeadlessChromium browser = chromium();
        browser.open(page(""));
        browser.evaluate("document.querySelector('thead button[data-sort=\"midterm.pages\"]').click()");
        // Most midterm pages first; teams without a midterm after them, by name.
        assertEquals(List.of("badger", "alpaca", "cormorant", "dingo", "eland", "ferret"), visibleTeams(browser));
        assertEquals("#sort=midterm.pages&dir=desc", browser.evaluate("location.hash").asText());
        browser.evaluate("document.querySelector('thead button[data-sort=\"midterm.pages\"]').click()");
        assertEquals(List.of("cormorant", "dingo", "eland", "ferret", "alpaca", "badger"), visibleTeams(browser),
                "a second click reverses the order");
        browser.open(page("#sort=proposal.status&dir=desc"));
        assertEquals("eland", visibleTeams(browser).get(0), "missing is the worst status");
        assertEquals("dingo", visibleTeams(browser).get(1));
        browser.open(page("#sort=team&dir=desc"));
        assertEquals(List.of("ferret", "eland", "dingo", "cormorant", "badger", "alpaca"), visibleTeams(browser));
    }

    @Test
    void filteringShowsOnlyTheTeamsStaffAskFor() throws Exception {
        HeadlessChromium browser = chromium();
        browser.open(page(""));
        browser.evaluate("document.querySelector('input[name=show][value=over]').click()");
        assertEquals(List.of("badger", "dingo"), visibleTeams(browser));
        assertEquals("2 of 6 teams", browser.evaluate("document.getElementById('shown').textContent").asText());
        browser.evaluate("document.querySelector('input[name=show][value=late]').click()");
        assertEquals(List.of("badger", "cormorant", "dingo"), visibleTeams(browser), "over the limit or late");
        assertEquals("#show=over,late", browser.evaluate("location.hash").asText());
        browser.open(page("#show=failing"));
        assertEquals(List.of("badger", "cormorant"), visibleTeams(browser));
        browser.open(page("#show=missing"));
        assertEquals(List.of("dingo", "eland", "ferret"), visibleTeams(browser), "no midterm, or no report");
        browser.open(page("#show=warnings"));
        assertEquals(List.of("dingo", "ferret"), visibleTeams(browser));
        browser.open(page("#q=OR"));
        assertEquals(List.of("cormorant"), visibleTeams(browser), "the search ignores case");
    }

    @Test
    void thumbnailsLoadAndLinksLeadToFilesInTheStaffFolder() throws Exception {
        HeadlessChromium browser = chromium();
        browser.open(page(""));
        JsonNode images = browser.evaluate("[...document.images].map(i => [i.getAttribute('src'), i.complete, "
                + "i.naturalWidth, i.naturalHeight])");
        assertEquals(7, images.size(), "one per PDF: alpaca 2, badger 2, cormorant 1 (its midterm stopped TeX),"
                + " dingo 1, ferret 1");
        for (JsonNode image : images) {
            assertTrue(image.get(1).asBoolean() && image.get(2).asInt() == 221 && image.get(3).asInt() == 286,
                    image.toString());
        }
        JsonNode links = browser.evaluate("[...document.querySelectorAll('#teams a')].map(a => a.getAttribute('href'))");
        assertTrue(links.size() >= 7 * 3, links.toString());
        for (JsonNode link : links) {
            Path target = staff.resolve(link.asText()).normalize();
            assertTrue(target.startsWith(staff) && Files.isRegularFile(target), link.asText());
        }
        String alpaca = browser.evaluate("document.getElementById('team-alpaca').innerText").asText();
        assertTrue(alpaca.contains("changes since Project Proposal"), alpaca);
    }

    @Test
    void thePageRequestsNothingButItsOwnFiles() throws Exception {
        String html = Files.readString(staff.resolve("index.html"));
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "img-src 'self'; style-src 'sha256-"), "the policy forbids everything but the page's own files");
        HeadlessChromium browser = chromium();
        browser.open(page("#sort=midterm.pages&dir=desc&show=over"));
        browser.evaluate("document.querySelector('input[name=show][value=over]').click()");
        List<String> requests = browser.requests();
        String folder = staff.toUri().toString();
        assertEquals(8, requests.size(), "the page and its 7 thumbnails: " + requests);
        for (String url : requests) {
            assertTrue(url.startsWith(folder), "a request outside the staff folder: " + url);
        }
        // The check can fail: a request the page did not make itself is seen, and the policy refuses it.
        browser.evaluate("document.body.appendChild(Object.assign(new Image(), {src: 'https://example.com/x.png'})),"
                + " new Promise(r => setTimeout(r, 300))");
        assertTrue(browser.requests().contains("https://example.com/x.png"), browser.requests().toString());
        assertTrue(browser.consoleErrors().stream().anyMatch(e -> e.contains("violates the following Content "
                + "Security Policy")), browser.consoleErrors().toString());
    }

    @Test
    void printsWithoutTheControlsAndSavesAScreenshot() throws Exception {
        HeadlessChromium browser = chromium();
        browser.open(page(""));
        Path shot = Path.of(StaffDashboardIT.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().resolve("staff-dashboard.png");
        Files.write(shot, browser.screenshot(true));
        assertTrue(Files.size(shot) > 20_000, "a screenshot of the page for the README: " + shot);
        browser.emulatePrint(true);
        assertEquals("none", browser.evaluate("getComputedStyle(document.getElementById('controls')).display")
                .asText());
        byte[] printed = browser.printToPdf();
        try (PDDocument pdf = Loader.loadPDF(printed)) {
            String text = new PDFTextStripper().getText(pdf);
            for (String team : StaffCourse.TEAMS) {
                assertTrue(text.contains(team), team + " is on paper");
            }
            assertTrue(pdf.getPage(0).getMediaBox().getWidth() > pdf.getPage(0).getMediaBox().getHeight(),
                    "landscape");
        }
        assertNotNull(outcome.index());
    }
}

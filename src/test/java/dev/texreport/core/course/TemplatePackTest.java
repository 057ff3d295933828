package dev.texreport.core.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatePackTest {
    @TempDir
    Path dir;

    private TemplatePack load(String spec) throws Exception {
        return TemplatePack.load(spec, dir, getClass().getClassLoader());
    }

    @Test
    void theBuiltInPackHasTheCourseMilestonesAndLimitsAndNoDates() throws Exception {
        TemplatePack pack = load("builtin");
        assertEquals("proposal, midterm, final", pack.knownIds());
        assertEquals("Project Proposal", pack.requireMilestone("proposal").title());
        assertEquals(2, pack.requireMilestone("proposal").pageLimit());
        assertEquals("Mid-Project Report", pack.requireMilestone("midterm").title());
        assertEquals(6, pack.requireMilestone("midterm").pageLimit());
        assertEquals("Final Report", pack.requireMilestone("final").title());
        assertEquals(8, pack.requireMilestone("final").pageLimit());
        for (MilestoneSpec m : pack.course().milestones()) {
            assertTrue(pack.due(m).isEmpty(), m.id() + " has no date in the built-in pack");
        }
        assertEquals(3, pack.requireMilestone("proposal").requires().sections().size());
        assertEquals(1, pack.requireMilestone("proposal").requires().citations());
        assertTrue(pack.requireMilestone("midterm").requires().results());
    }

    @Test
    void theExampleCoursePackHasTheCourseDates() throws Exception {
        Path example = Path.of("examples/course-pack/src/main/resources/dev/texreport/packs/dl-2022")
                .toAbsolutePath();
        TemplatePack pack = TemplatePack.load(example.toString(), dir, getClass().getClassLoader());
        assertEquals(ZonedDateTime.parse("2022-04-01T23:59-04:00[America/Toronto]"),
                pack.due(pack.requireMilestone("proposal")).orElseThrow());
        assertEquals(ZonedDateTime.parse("2022-04-22T23:59-04:00[America/Toronto]"),
                pack.due(pack.requireMilestone("midterm")).orElseThrow());
        assertEquals(ZonedDateTime.parse("2022-05-17T23:59-04:00[America/Toronto]"),
                pack.due(pack.requireMilestone("final")).orElseThrow());
        assertEquals(java.time.DayOfWeek.FRIDAY, pack.due(pack.requireMilestone("proposal")).orElseThrow().getDayOfWeek());
        assertEquals(java.time.DayOfWeek.TUESDAY, pack.due(pack.requireMilestone("final")).orElseThrow().getDayOfWeek());
        CourseEvent feedback = pack.course().events().get(0);
        assertEquals("Proposal feedback from staff", feedback.title());
        assertEquals(java.time.LocalDate.of(2022, 4, 8), pack.date(feedback).toLocalDate());
        assertEquals(2, pack.requireMilestone("proposal").pageLimit(), "limits are the built-in pack's");
    }

    @Test
    void aVariantChangesOnlyWhatItStates() throws Exception {
        Files.createDirectories(dir.resolve("short"));
        Files.writeString(dir.resolve("short/course.json"), "{\"name\": \"Short\", \"extends\": \"builtin\","
                + " \"milestones\": [{\"id\": \"final\", \"pageLimit\": 4}, {\"id\": \"poster\", \"title\": \"Poster\","
                + " \"pageLimit\": 1}]}");
        TemplatePack pack = load("short");
        assertEquals("Short", pack.course().name());
        assertEquals(4, pack.requireMilestone("final").pageLimit());
        assertEquals("Final Report", pack.requireMilestone("final").title());
        assertEquals(2, pack.requireMilestone("final").requires().sections().size(), "rules are inherited");
        assertEquals("proposal, midterm, final, poster", pack.knownIds());
        assertTrue(pack.documentTemplate().contains("\\usepackage{texreport-neurips}"), "templates come from builtin");
    }

    @Test
    void theBuiltInLayoutIsNeuripsAndAVariantChangesOneFieldOfIt() throws Exception {
        CourseDescription.Layout builtin = load("builtin").course().layout();
        assertEquals("{course} — {milestone}", builtin.notice().get("final"));
        assertEquals("Preprint. Work in progress.", builtin.notice().get("preprint"));
        assertEquals("", builtin.runningHead(), "NeurIPS has no running head");
        assertEquals(0, builtin.authorsPerRow());
        assertEquals("", builtin.natbib(), "author-year citations");

        Files.createDirectories(dir.resolve("numbered"));
        Files.writeString(dir.resolve("numbered/course.json"), "{\"name\": \"Numbered\", \"extends\": \"builtin\","
                + " \"layout\": {\"notice\": {\"final\": \"{course}, {milestone}, 2031\"}, \"natbib\":"
                + " \"numbers, sort&compress\", \"authorsPerRow\": 2}, \"milestones\": []}");
        CourseDescription.Layout layout = load("numbered").course().layout();
        assertEquals("{course}, {milestone}, 2031", layout.notice().get("final"));
        assertEquals("Preprint. Work in progress.", layout.notice().get("preprint"), "the other notices stay");
        assertEquals("numbers, sort&compress", layout.natbib());
        assertEquals(2, layout.authorsPerRow());
    }

    @Test
    void aLayoutThatCannotBeTypesetNamesTheFieldAndTheFix() throws Exception {
        Files.createDirectories(dir.resolve("bad"));
        Files.writeString(dir.resolve("bad/course.json"), "{\"name\": \"Bad\", \"extends\": \"builtin\","
                + " \"layout\": {\"natbib\": \"numbers}\\\\input{x\"}, \"milestones\": []}");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load("bad"));
        assertTrue(e.getMessage().contains("layout.natbib must be natbib options separated by commas, e.g."
                + " \"numbers,sort&compress\""), e.getMessage());

        Files.writeString(dir.resolve("bad/course.json"), "{\"name\": \"Bad\", \"extends\": \"builtin\","
                + " \"layout\": {\"notice\": {\"camera-ready\": \"x\"}}, \"milestones\": []}");
        e = assertThrows(ConfigurationException.class, () -> load("bad"));
        assertTrue(e.getMessage().contains("layout.notice has a text for 'camera-ready'; the modes are final,"
                + " preprint and anonymous"), e.getMessage());
    }

    @Test
    void anUnknownPackSaysWhereItLookedAndHowToAddAJar() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load("dl-2099"));
        assertTrue(e.getMessage().startsWith("No template pack 'dl-2099' (report.template): "), e.getMessage());
        assertTrue(e.getMessage().contains("dev/texreport/packs/dl-2099/course.json"), e.getMessage());
        assertTrue(e.getMessage().contains("add it as a <dependency> of the plugin"), e.getMessage());
    }

    @Test
    void packsThatExtendEachOtherInACircleAreRejected() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("a/course.json"), "{\"name\": \"A\", \"extends\": \"../b\", \"milestones\": []}");
        Files.writeString(dir.resolve("b/course.json"), "{\"name\": \"B\", \"extends\": \"../a\", \"milestones\": []}");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load("a"));
        assertTrue(e.getMessage().contains("extends itself in a circle"), e.getMessage());
    }

    @Test
    void aMalformedDateNamesTheMilestoneAndTheExpectedForm() throws Exception {
        Files.createDirectories(dir.resolve("bad"));
        Files.writeString(dir.resolve("bad/course.json"), "{\"name\": \"Bad\", \"extends\": \"builtin\","
                + " \"milestones\": [{\"id\": \"final\", \"due\": \"17 May 2022\"}]}");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load("bad"));
        assertEquals("Template pack 'bad': milestone 'final' has the date '17 May 2022'; write it as 2022-05-17T23:59 (in"
                + " the pack's timeZone) or 2022-05-17T23:59-04:00", e.getMessage());
    }
}

package dev.texreport.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The staff's CI recipes (examples/staff/.github/workflows/staff.yml and examples/staff/.gitlab-ci.yml): the README
 * shows them as they are, and they hang together: the number of shards in the matrix is the one each shard names,
 * every shard's folder is uploaded and reaches the final job's report.aggregateFrom, the build times the final
 * job keeps are the file the shards balance on, and every report.* property they set exists on the goal they run.
 */
class StaffRecipesTest {
    private static final Path GITHUB = Path.of("examples/staff/.github/workflows/staff.yml");
    private static final Path GITLAB = Path.of("examples/staff/.gitlab-ci.yml");
    private static final Pattern PROPERTY = Pattern.compile("-D(report\\.[A-Za-z]+)=(\\S+)");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void theReadmeShowsTheRecipesAsTheyAre() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertEquals(block(readme, "GitHub Actions (`" + GITHUB.toString().replace("examples/staff/", "") + "` in "
                + "the staff repository; [examples/staff](examples/staff/.github/workflows/staff.yml)):"),
                Files.readString(GITHUB, StandardCharsets.UTF_8));
        assertEquals(block(readme, "GitLab CI (`.gitlab-ci.yml` in the staff repository; "
                + "[examples/staff](examples/staff/.gitlab-ci.yml)):"), Files.readString(GITLAB, StandardCharsets.UTF_8));
    }

    @Test
    void theGithubWorkflowHangsTogether() throws Exception {
        JsonNode jobs = yaml.readTree(GITHUB.toFile()).path("jobs");
        JsonNode matrix = jobs.path("shard").path("strategy").path("matrix").path("shard");
        int count = matrix.size();
        for (int i = 0; i < count; i++) {
            assertEquals(i + 1, matrix.get(i).asInt(), "shards 1.." + count);
        }
        String build = run(jobs.path("shard"));
        assertTrue(build.contains("-Dreport.shard=${{ matrix.shard }}/" + count), build);
        String folder = value(build, "report.staffDirectory");
        JsonNode upload = step(jobs.path("shard"), "actions/upload-artifact@v4");
        assertEquals(folder, upload.path("with").path("path").asText());
        assertEquals("always()", upload.path("if").asText());
        assertEquals("staff-shard-${{ matrix.shard }}", upload.path("with").path("name").asText());
        assertEquals(StaffTeams.TIMES, step(jobs.path("shard"), "actions/cache/restore@v4").path("with").path("path")
                .asText());

        JsonNode aggregate = jobs.path("aggregate");
        assertEquals("shard", aggregate.path("needs").asText());
        assertEquals("always()", aggregate.path("if").asText());
        JsonNode download = step(aggregate, "actions/download-artifact@v4").path("with");
        assertEquals("staff-shard-*", download.path("pattern").asText());
        assertEquals(download.path("path").asText(), value(run(aggregate), "report.aggregateFrom"));
        assertEquals(StaffTeams.TIMES, step(aggregate, "actions/cache/save@v4").path("with").path("path").asText());
        assertEquals("target/report/staff", step(aggregate, "actions/upload-artifact@v4").path("with").path("path")
                .asText(), "the staff page: report:aggregate's default folder");
        checkProperties(build, "build", "aggregate");
        checkProperties(run(aggregate), "aggregate");
        assertTrue(step(jobs.path("shard"), null).toString().contains("latexdiff texlive-plain-generic"));
    }

    @Test
    void theGitlabPipelineHangsTogether() throws Exception {
        JsonNode root = yaml.readTree(GITLAB.toFile());
        JsonNode shard = root.path("shard");
        assertEquals(3, shard.path("parallel").asInt());
        String build = shard.path("script").get(0).asText();
        assertTrue(build.contains("-Dreport.shard=$CI_NODE_INDEX/$CI_NODE_TOTAL"), build);
        assertEquals("shards/$CI_NODE_INDEX", value(build, "report.staffDirectory"));
        assertEquals("shards/", shard.path("artifacts").path("paths").get(0).asText());
        assertEquals("always", shard.path("artifacts").path("when").asText());
        JsonNode page = root.path("staff-page");
        assertEquals("shard", page.path("needs").get(0).path("job").asText());
        assertEquals("always", page.path("when").asText());
        String aggregate = page.path("script").get(0).asText();
        assertEquals("shards", value(aggregate, "report.aggregateFrom"));
        assertEquals("pull", cache(shard, "staff-times").path("policy").asText());
        assertEquals(StaffTeams.TIMES, cache(shard, "staff-times").path("paths").get(0).asText());
        assertEquals("push", cache(page, "staff-times").path("policy").asText());
        assertEquals(StaffTeams.TIMES, cache(page, "staff-times").path("paths").get(0).asText());
        assertEquals("target/report/staff/", page.path("artifacts").path("paths").get(0).asText());
        checkProperties(build, "build", "aggregate");
        checkProperties(aggregate, "aggregate");
        assertTrue(shard.path("before_script").toString().contains("latexdiff texlive-plain-generic"));
    }

    /** The single {@code run:} step's command of a GitHub job. */
    private static String run(JsonNode job) {
        List<String> runs = new ArrayList<>();
        job.path("steps").forEach(s -> {
            if (s.has("run") && s.path("run").asText().startsWith("mvn ")) {
                runs.add(s.path("run").asText().strip());
            }
        });
        assertEquals(1, runs.size(), job.toString());
        return runs.get(0);
    }

    /** The step that uses {@code action} (null: the step named "Install TeX Live and latexdiff"). */
    private static JsonNode step(JsonNode job, String action) {
        for (JsonNode s : job.path("steps")) {
            if (action == null ? s.path("name").asText().startsWith("Install") : action.equals(s.path("uses").asText())) {
                return s;
            }
        }
        throw new AssertionError("no step " + action + " in " + job);
    }

    private static JsonNode cache(JsonNode job, String key) {
        for (JsonNode c : job.path("cache")) {
            if (key.equals(c.path("key").asText())) {
                return c;
            }
        }
        throw new AssertionError("no cache " + key + " in " + job);
    }

    private static String value(String command, String property) {
        Matcher m = PROPERTY.matcher(command);
        while (m.find()) {
            if (m.group(1).equals(property)) {
                return m.group(2);
            }
        }
        throw new AssertionError(command + " sets no " + property);
    }

    /** Every -Dreport.X the command sets is a parameter of one of the goals it runs. */
    private static void checkProperties(String command, String... goals) throws Exception {
        Document plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile());
        Set<String> known = new HashSet<>();
        NodeList mojos = plugin.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (!List.of(goals).contains(mojo.getElementsByTagName("goal").item(0).getTextContent())) {
                continue;
            }
            assertTrue(command.contains("report:" + mojo.getElementsByTagName("goal").item(0).getTextContent()));
            NodeList configuration = mojo.getElementsByTagName("configuration");
            for (int j = 0; j < configuration.getLength(); j++) {
                NodeList children = configuration.item(j).getChildNodes();
                for (int k = 0; k < children.getLength(); k++) {
                    String text = children.item(k).getTextContent();
                    Matcher m = Pattern.compile("\\$\\{(report\\.[A-Za-z]+)}").matcher(text == null ? "" : text);
                    if (m.find()) {
                        known.add(m.group(1));
                    }
                }
            }
        }
        Matcher m = PROPERTY.matcher(command);
        while (m.find()) {
            assertTrue(known.contains(m.group(1)), m.group(1) + " is no parameter of " + List.of(goals) + ": " + known);
        }
    }

    /** The fenced block that follows the line {@code heading} in the README. */
    private static String block(String readme, String heading) {
        int at = readme.indexOf("\n" + heading + "\n");
        assertTrue(at >= 0, "README has the line " + heading);
        int start = readme.indexOf("```yaml\n", at) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```\n", start));
    }
}

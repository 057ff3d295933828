package dev.texreport.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.BuildRequest;
import dev.texreport.core.BuildResult;
import dev.texreport.core.Engine;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.Mode;
import dev.texreport.core.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report:sample with a fake core: it scaffolds the pack's sample and builds it with the goal's parameters. */
class SampleMojoTest {
    @TempDir
    Path dir;

    private final MojoHarness harness = new MojoHarness();

    private SampleMojo mojo(MojoHarness.Answer answer) {
        SampleMojo mojo = harness.configure(new SampleMojo(), new MavenProject(), answer);
        mojo.sampleDirectory = dir.resolve("target/report-sample").toFile();
        mojo.workingDir = dir;
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setGroupId("dev.texreport");
        plugin.setArtifactId("report-maven-plugin");
        plugin.setVersion("0.1.0-SNAPSHOT");
        mojo.plugin = plugin;
        return mojo;
    }

    private static BuildResult result(BuildRequest request, List<Problem> problems) {
        return new BuildResult(List.of(MilestoneResult.built("proposal", "Project Proposal", 2,
                request.outputDir().resolve("proposal.pdf"), new MilestoneResult.Pages(0.9, 2, 59), 3, 1, problems,
                Set.of())), List.of(), request.outputDir().resolve("summary.json"));
    }

    @Test
    void theSampleIsScaffoldedAndBuiltWithTheGoalsParameters() throws Exception {
        SampleMojo mojo = mojo(request -> result(request, List.of()));
        mojo.engine = "xelatex";
        mojo.mode = "anonymous";
        mojo.timeout = 90;
        mojo.failOnChecks = "margins";
        mojo.execute();
        BuildRequest request = harness.requests.get(0);
        Path sample = dir.resolve("target/report-sample");
        assertEquals(sample, request.projectDir());
        assertTrue(Files.isRegularFile(sample.resolve("pom.xml")), "the scaffold is written");
        assertTrue(Files.isDirectory(sample.resolve("src/report/final")));
        assertEquals("Sample report of Deep Learning course project", request.title());
        assertEquals(2, request.authors().size());
        assertEquals(true, request.force());
        assertEquals(Engine.XELATEX, request.engine());
        assertEquals(Mode.ANONYMOUS, request.mode());
        assertEquals(Duration.ofSeconds(90), request.timeout());
        assertEquals(Set.of("margins"), request.failingChecks());
        assertTrue(harness.log.contains("INFO proposal: 0.9 of 2 content pages (2 in PDF) -> "
                + "target/report-sample/target/report/proposal.pdf"), harness.log.toString());
    }

    @Test
    void aSampleThatDoesNotBuildCleanlyFailsNamingThePack() {
        SampleMojo mojo = mojo(request -> result(request, List.of(new Problem.ContentMissing("proposal",
                "src/report/proposal", "citations", "at least 1 citation"))));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("The sample report of template pack 'builtin' does not build cleanly: Report build failed:"
                + " proposal: 1 error(s), listed above", e.getMessage());
        assertTrue(harness.log.contains("ERROR [proposal] src/report/proposal: proposal is missing at least 1"
                + " citation"), harness.log.toString());
    }

    @Test
    void anUnknownPackFailsTheBuild() {
        SampleMojo mojo = mojo(request -> result(request, List.of()));
        mojo.template = "no-such-pack";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("No template pack 'no-such-pack' (report.template)"), e.getMessage());
        assertEquals(List.of(), harness.requests);
    }
}

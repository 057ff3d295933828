package dev.texreport.maven;

import dev.texreport.core.Author;
import dev.texreport.core.BuildReporter;
import dev.texreport.core.BuildRequest;
import dev.texreport.core.BuildResult;
import dev.texreport.core.ProjectScaffold;
import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import dev.texreport.core.SourceException;
import dev.texreport.core.pack.TemplatePack;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * For course staff: builds a template pack's sample report (the report:init scaffold) for every milestone in one
 * command, to check a template change before publishing it:
 * {@code mvn report:sample -Dreport.template=path/to/pack}.
 * The sample goes to {@code report.sampleDirectory} (default {@code target/report-sample}).
 */
@Mojo(name = "sample", requiresProject = false, threadSafe = true)
public class SampleMojo extends AbstractReportMojo {
    /** Where the sample project is written and built. */
    @Parameter(property = "report.sampleDirectory", defaultValue = "${user.dir}/target/report-sample")
    private File sampleDirectory;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path dir = sampleDirectory.toPath().toAbsolutePath().normalize();
        Path base = Path.of(System.getProperty("user.dir"));
        // A folder pack is named relative to where staff run the command, not to the sample folder.
        String pack = Files.isDirectory(base.resolve(template)) ? base.resolve(template).toString() : template;
        ReportLog log = new MavenReportLog(getLog());
        try {
            TemplatePack loaded = TemplatePack.load(pack, base, getClass().getClassLoader());
            new ProjectScaffold(loaded, pack, plugin.getGroupId(), plugin.getArtifactId(), plugin.getVersion())
                    .write(dir);
            BuildRequest request = BuildRequest.builder(dir).template(pack).title("Sample report of "
                    + loaded.course().name()).authors(List.of(new Author("Ada Lovelace", "ada@example.edu",
                    "Example University"), new Author("Alan Turing", "alan@example.edu", "Example University")))
                    .engine(dev.texreport.core.Engine.parse(engine)).force(true).build();
            BuildResult result = newService(log).build(request);
            BuildReporter reporter = new BuildReporter(dir);
            reporter.logProblems(result, log);
            reporter.closingLines(result).forEach(line -> getLog().info(line.replace("-> target/",
                    "-> " + base.relativize(dir) + "/target/")));
            if (!result.passed()) {
                throw new MojoFailureException("The sample report of template pack '" + loaded.name() + "' does not"
                        + " build cleanly: " + reporter.failureSummary(result));
            }
        } catch (SourceException e) {
            e.diagnostics().forEach(d -> getLog().error(d.format(dir)));
            throw new MojoFailureException("The sample report does not build: " + e.getMessage());
        } catch (ReportException e) {
            if (e.isUserMistake()) {
                throw new MojoFailureException(e.getMessage());
            }
            throw new MojoExecutionException(e.getMessage());
        }
    }
}

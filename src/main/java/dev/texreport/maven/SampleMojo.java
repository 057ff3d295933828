package dev.texreport.maven;

import dev.texreport.core.Author;
import dev.texreport.core.BuildRequest;
import dev.texreport.core.BuildResult;
import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import dev.texreport.core.course.TemplatePack;
import dev.texreport.core.report.BuildReporter;
import dev.texreport.core.scaffold.ProjectScaffold;
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
 * The sample goes to {@code report.sampleDirectory} (default {@code target/report-sample}); every other parameter
 * (engine, mode, checks, timeout, texBin) applies as in report:build.
 */
@Mojo(name = "sample", requiresProject = false, threadSafe = true)
public class SampleMojo extends AbstractReportMojo {
    /** Where the sample project is written and built. */
    @Parameter(property = "report.sampleDirectory", defaultValue = "${user.dir}/target/report-sample")
    File sampleDirectory;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    /** The folder the command runs in; a folder pack is named relative to it. */
    Path workingDir = Path.of(System.getProperty("user.dir"));

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the sample report (report.skip=true).");
            return;
        }
        Path dir = sampleDirectory.toPath().toAbsolutePath().normalize();
        // A folder pack is named relative to where staff run the command, not to the sample folder.
        String pack = Files.isDirectory(workingDir.resolve(template)) ? workingDir.resolve(template).toString()
                : template;
        ReportLog log = reportLog();
        try {
            TemplatePack loaded = TemplatePack.load(pack, workingDir, getClass().getClassLoader());
            new ProjectScaffold(loaded, pack, plugin.getGroupId(), plugin.getArtifactId(), plugin.getVersion())
                    .write(dir);
            BuildRequest request = request(dir).template(pack).title("Sample report of " + loaded.course().name())
                    .authors(List.of(new Author("Ada Lovelace", "ada@example.edu", "Example University"),
                            new Author("Alan Turing", "alan@example.edu", "Example University")))
                    .force(true).build();
            BuildResult result = services.apply(log).build(request);
            String failure = new BuildReporter(dir).report(result, log, workingDir.relativize(dir).toString());
            if (!failure.isEmpty()) {
                throw new MojoFailureException("The sample report of template pack '" + loaded.name()
                        + "' does not build cleanly: " + failure);
            }
        } catch (ReportException e) {
            MojoFailures.raise(e, dir, log);
        }
    }
}

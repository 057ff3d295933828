package dev.texreport.maven;

import dev.texreport.core.ReportException;
import dev.texreport.core.course.TemplatePack;
import dev.texreport.core.importer.PaperImporter;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Turns an existing single-file paper into a team project:
 * {@code mvn dev.texreport:report-maven-plugin:VERSION:import -Dreport.paper=paper/main.tex} (no POM needed).
 * Sections, abstract, acknowledgements, checklist and appendix become the milestone's files, title and authors the
 * POM's, and the paper's folders are copied as they are; it prints what it did and what it could not map, and
 * never overwrites a file.
 */
@Mojo(name = "import", requiresProject = false, threadSafe = true)
public class ImportMojo extends AbstractMojo {
    /** The paper's main .tex file. */
    @Parameter(property = "report.paper", required = true)
    File paper;

    /** Where to create the project (default: the current directory). */
    @Parameter(property = "report.initDirectory", defaultValue = "${user.dir}")
    File directory;

    /** The milestone the paper becomes. */
    @Parameter(property = "report.milestone", defaultValue = "final")
    String milestone;

    /**
     * The template pack to write into the POM; by default {@code neurips-official} when the paper is written in a
     * {@code neurips_20XX.sty} that lies beside it, else {@code builtin}.
     */
    @Parameter(property = "report.template")
    String template;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path dir = directory.toPath().toAbsolutePath().normalize();
        try {
            // The milestone must be one the pack knows, or the imported project would not build.
            TemplatePack pack = TemplatePack.load(template, dir, getClass().getClassLoader());
            String id = pack.requireMilestone(milestone.strip()).id();
            PaperImporter.Outcome outcome = new PaperImporter(paper.toPath(), id, template, plugin.getGroupId(),
                    plugin.getArtifactId(), plugin.getVersion()).importInto(dir);
            outcome.written().forEach(f -> getLog().debug("created " + dir.relativize(f)));
            getLog().info("Imported " + paper + " into " + dir + " (" + outcome.written().size() + " files):");
            outcome.done().forEach(line -> getLog().info("  " + line));
            if (!outcome.unmapped().isEmpty()) {
                getLog().warn("Not mapped (check these by hand):");
                outcome.unmapped().forEach(line -> getLog().warn("  " + line));
            }
            getLog().info("Next: check pom.xml's <name> and <developers>, then run mvn report:build");
        } catch (ReportException e) {
            MojoFailures.raise(e, dir, new MavenReportLog(getLog()));
        }
    }
}

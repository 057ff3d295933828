package dev.texreport.maven;

import dev.texreport.core.ProjectScaffold;
import dev.texreport.core.ReportException;
import dev.texreport.core.pack.TemplatePack;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Scaffolds a new team project from a template pack: {@code mvn dev.texreport:report-maven-plugin:<version>:init}
 * (no POM needed). Writes a POM with the plugin, a folder per milestone with skeleton sections that say what
 * belongs there, a results example and a .bib; never overwrites a file. The scaffold builds as it is.
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractMojo {
    /** The template pack: builtin, a folder, or a pack name in a jar that is a dependency of the plugin. */
    @Parameter(property = "report.template", defaultValue = "builtin")
    private String template;

    /** Where to create the project (default: the current directory). */
    @Parameter(property = "report.initDirectory", defaultValue = "${user.dir}")
    private File directory;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path dir = directory.toPath().toAbsolutePath().normalize();
        try {
            TemplatePack pack = TemplatePack.load(template, dir, getClass().getClassLoader());
            ProjectScaffold.Outcome outcome = new ProjectScaffold(pack, template, plugin.getGroupId(),
                    plugin.getArtifactId(), plugin.getVersion()).write(dir);
            outcome.written().forEach(f -> getLog().info("created " + dir.relativize(f)));
            outcome.kept().forEach(f -> getLog().info("kept existing " + dir.relativize(f)));
            getLog().info("A " + pack.course().name() + " project from template pack '" + pack.name() + "' ("
                    + pack.knownIds() + "). Next: fill in the POM's <name> and <developers>, then run"
                    + " mvn report:build");
        } catch (ReportException e) {
            if (e.isUserMistake()) {
                throw new MojoFailureException(e.getMessage());
            }
            throw new MojoExecutionException(e.getMessage());
        }
    }
}

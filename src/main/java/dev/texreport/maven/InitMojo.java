package dev.texreport.maven;

import dev.texreport.core.ConfigurationException;
import dev.texreport.core.ReportException;
import dev.texreport.core.course.PackJar;
import dev.texreport.core.course.TemplatePack;
import dev.texreport.core.scaffold.ProjectScaffold;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Scaffolds a new team project from a template pack: {@code mvn dev.texreport:report-maven-plugin:VERSION:init}
 * (no POM needed). Writes a POM with the plugin, a folder per milestone with skeleton sections that say what
 * belongs there, a results example and a .bib, the Maven Wrapper (mvnw), a .gitignore and CI workflows for GitHub
 * Actions and GitLab; never overwrites a file. The scaffold builds as it is, also on a fresh machine with only Java
 * and TeX Live. When the plugin came from a repository other than Maven Central, the POM lists that repository.
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractMojo {
    /**
     * The template pack: builtin, a folder, a pack name in a jar that is a dependency of the plugin, or the pack jar's
     * coordinates {@code groupId:artifactId:version} (it is downloaded, and the new POM lists it as a dependency of
     * the plugin).
     */
    @Parameter(property = "report.template", defaultValue = "builtin")
    String template;

    /** Where to create the project (default: the current directory). */
    @Parameter(property = "report.initDirectory", defaultValue = "${user.dir}")
    File directory;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    @Component
    RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true)
    List<RemoteRepository> repositories;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path dir = directory.toPath().toAbsolutePath().normalize();
        try {
            String spec = template;
            String dependency = null;
            ClassLoader loader = getClass().getClassLoader();
            if (PackJar.isCoordinates(template)) {
                dependency = template;
                Path jar = resolve(template);
                loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
                spec = PackJar.onlyPack(jar, template);
            }
            TemplatePack pack = TemplatePack.load(spec, dir, loader);
            ProjectScaffold.PluginRepository origin = PluginOrigin.of(plugin, repositorySession, repositories);
            ProjectScaffold.Outcome outcome = new ProjectScaffold(pack, spec, plugin.getGroupId(),
                    plugin.getArtifactId(), plugin.getVersion(), dependency).withPluginRepository(origin).write(dir);
            outcome.written().forEach(f -> getLog().info("created " + dir.relativize(f)));
            outcome.kept().forEach(f -> getLog().info("kept existing " + dir.relativize(f)));
            if (origin != null) {
                getLog().info("The POM lists the plugin repository '" + origin.id() + "' (" + origin.url()
                        + "), where this plugin came from.");
                if (origin.url().startsWith("file:") && !ProjectScaffold.isInside(origin.url(), dir)) {
                    getLog().warn("That repository is a folder on this machine, which CI runners and team-mates do"
                            + " not have: serve it over HTTPS, or commit it into the project and point the POM's"
                            + " <pluginRepository> at file://${project.basedir}/<folder>.");
                }
            }
            getLog().info("A " + pack.course().name() + " project from template pack '" + pack.name() + "' ("
                    + pack.knownIds() + "). Next: fill in the POM's <name> and <developers>, then run"
                    + " mvn report:build");
        } catch (MalformedURLException e) {
            throw new MojoExecutionException("Cannot open the pack jar: " + e.getMessage(), e);
        } catch (ReportException e) {
            MojoFailures.raise(e, dir, new MavenReportLog(getLog()));
        }
    }

    private Path resolve(String coordinates) throws ConfigurationException {
        try {
            ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(coordinates.replaceFirst(
                    "^([^:]+:[^:]+):", "$1:jar:")), repositories, null);
            return repositorySystem.resolveArtifact(repositorySession, request).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new ConfigurationException("Cannot get the template pack " + coordinates + " (report.template): "
                    + e.getMessage());
        }
    }
}

package dev.texreport.maven;

import dev.texreport.core.ProjectScaffold;
import dev.texreport.core.ReportException;
import dev.texreport.core.pack.TemplatePack;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

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
    private String template;

    /** Where to create the project (default: the current directory). */
    @Parameter(property = "report.initDirectory", defaultValue = "${user.dir}")
    private File directory;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true)
    private List<RemoteRepository> repositories;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path dir = directory.toPath().toAbsolutePath().normalize();
        try {
            String spec = template;
            String dependency = null;
            ClassLoader loader = getClass().getClassLoader();
            if (template.matches("[^:/\\\\]+:[^:/\\\\]+:[^:/\\\\]+")) {
                dependency = template;
                Path jar = resolve(template);
                loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
                spec = onlyPack(jar, template);
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
        } catch (java.net.MalformedURLException e) {
            throw new MojoExecutionException("Cannot open the pack jar: " + e.getMessage());
        } catch (ReportException e) {
            if (e.isUserMistake()) {
                throw new MojoFailureException(e.getMessage());
            }
            throw new MojoExecutionException(e.getMessage());
        }
    }

    private Path resolve(String coordinates) throws MojoFailureException {
        try {
            ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(coordinates.replaceFirst(
                    "^([^:]+:[^:]+):", "$1:jar:")), repositories, null);
            return repositorySystem.resolveArtifact(repositorySession, request).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new MojoFailureException("Cannot get the template pack " + coordinates + " (report.template): "
                    + e.getMessage());
        }
    }

    /** The one pack a jar holds under dev/texreport/packs/. */
    private static String onlyPack(Path jar, String coordinates) throws MojoFailureException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> packs = file.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith(TemplatePack.PACKS_ON_CLASSPATH) && n.endsWith("/" + TemplatePack.COURSE))
                    .map(n -> n.substring(TemplatePack.PACKS_ON_CLASSPATH.length(), n.length()
                            - TemplatePack.COURSE.length() - 1))
                    .filter(n -> !n.contains("/")).toList();
            if (packs.size() != 1) {
                throw new MojoFailureException(coordinates + " holds " + (packs.isEmpty() ? "no template pack"
                        : "several template packs " + packs) + " under " + TemplatePack.PACKS_ON_CLASSPATH
                        + "; name one with -Dreport.template=<name> and add the jar as a plugin dependency.");
            }
            return packs.get(0);
        } catch (java.io.IOException e) {
            throw new MojoFailureException("Cannot read " + jar + ": " + e.getMessage());
        }
    }
}

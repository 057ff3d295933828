package dev.texreport.maven;

import dev.texreport.core.scaffold.ProjectScaffold.PluginRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.LocalArtifactRequest;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * The repository, other than Maven Central, that Maven downloaded this plugin from, so that {@code report:init}
 * writes it into the new POM: a team that ran init against a course repository gets a project that resolves the
 * plugin from there too. Read from the local repository's record of each download's origin; a plugin installed
 * locally ({@code mvn install}) or downloaded from Central gives none.
 */
final class PluginOrigin {
    private PluginOrigin() {
    }

    static PluginRepository of(PluginDescriptor plugin, RepositorySystemSession session,
                               List<RemoteRepository> repositories) {
        if (session == null || session.getLocalRepositoryManager() == null) {
            return null; // run without Maven's repository session (an embedding, a unit test): nothing to tell
        }
        List<String> versions = new ArrayList<>();
        if (plugin.getPluginArtifact() != null) {
            versions.add(plugin.getPluginArtifact().getVersion());
        }
        versions.add(plugin.getVersion());
        for (String version : versions) {
            RemoteRepository from = session.getLocalRepositoryManager().find(session, new LocalArtifactRequest(
                    new DefaultArtifact(plugin.getGroupId(), plugin.getArtifactId(), "jar", version),
                    repositories, null)).getRepository();
            if (from != null) {
                // Through a mirror (a company's repository manager): the repositories it stands for.
                List<RemoteRepository> behind = from.getMirroredRepositories().isEmpty() ? List.of(from)
                        : from.getMirroredRepositories();
                return behind.stream().filter(r -> !isCentral(r)).findFirst()
                        .map(r -> new PluginRepository(r.getId(), r.getUrl())).orElse(null);
            }
        }
        return null;
    }

    private static boolean isCentral(RemoteRepository repository) {
        String url = repository.getUrl().toLowerCase(Locale.ROOT);
        return repository.getId().equals("central") || url.contains("://repo.maven.apache.org/")
                || url.contains("://repo1.maven.org/");
    }
}

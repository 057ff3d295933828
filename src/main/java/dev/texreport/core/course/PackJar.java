package dev.texreport.core.course;

import dev.texreport.core.ConfigurationException;
import dev.texreport.core.EnvironmentException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** A template pack published as a jar: the packs it holds under {@code dev/texreport/packs/<name>/}. */
public final class PackJar {
    private PackJar() {
    }

    /** The name of the one pack {@code jar} holds; several or none is a mistake in naming the jar. */
    public static String onlyPack(Path jar, String coordinates) throws ConfigurationException, EnvironmentException {
        List<String> packs;
        try (JarFile file = new JarFile(jar.toFile())) {
            packs = file.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith(TemplatePack.PACKS_ON_CLASSPATH) && n.endsWith("/" + TemplatePack.COURSE))
                    .map(n -> n.substring(TemplatePack.PACKS_ON_CLASSPATH.length(), n.length()
                            - TemplatePack.COURSE.length() - 1))
                    .filter(n -> !n.contains("/")).toList();
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + jar + ": " + e.getMessage(), e);
        }
        if (packs.size() != 1) {
            throw new ConfigurationException(coordinates + " holds " + (packs.isEmpty() ? "no template pack"
                    : "several template packs " + packs) + " under " + TemplatePack.PACKS_ON_CLASSPATH
                    + "; name one with -Dreport.template=<name> and add the jar as a plugin dependency.");
        }
        return packs.get(0);
    }

    /** Whether {@code template} names a pack jar by its coordinates ({@code groupId:artifactId:version}). */
    public static boolean isCoordinates(String template) {
        return template.matches("[^:/\\\\]+:[^:/\\\\]+:[^:/\\\\]+");
    }
}

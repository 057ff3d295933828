package dev.texreport.core.course;

import dev.texreport.core.ConfigurationException;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a pack's files come from: a folder, or resources on the plugin's classpath (the plugin jar, a staff jar). */
interface PackSource {
    /** Names the source in messages, e.g. {@code folder packs/dl-2022} or {@code classpath dev/texreport/packs/x}. */
    String describe();

    Optional<byte[]> read(String name) throws EnvironmentException;

    /** The folder the pack's files come from, when it is a folder (not a jar or the plugin itself). */
    default Optional<Path> folder() {
        return Optional.empty();
    }

    /**
     * Finds the pack named {@code spec}: a folder (relative to {@code base}) with a course.json, else
     * {@code dev/texreport/packs/<spec>/} on the classpath. Reads no JSON.
     */
    static PackSource locate(String spec, Path base, ClassLoader loader) throws ReportException {
        Path folder = base.resolve(spec).normalize();
        if (!spec.equals(TemplatePack.BUILTIN) && Files.isDirectory(folder)) {
            if (!Files.isRegularFile(folder.resolve(TemplatePack.COURSE))) {
                throw new ConfigurationException("The folder " + folder + " (report.template) is not a template"
                        + " pack: it has no course.json.");
            }
            return folder(folder);
        }
        PackSource classpath = classpath(loader, TemplatePack.PACKS_ON_CLASSPATH + spec + "/");
        if (classpath.read(TemplatePack.COURSE).isPresent()) {
            return classpath;
        }
        if (spec.equals(TemplatePack.BUILTIN)) {
            throw new EnvironmentException("The built-in template pack is missing from the plugin jar; reinstall"
                    + " the plugin.");
        }
        throw new ConfigurationException("No template pack '" + spec + "' (report.template): " + folder
                + " is not a folder, and no jar on the plugin's classpath has " + TemplatePack.PACKS_ON_CLASSPATH
                + spec + "/course.json. To use a pack published as a jar, add it as a <dependency> of the plugin in"
                + " the POM.");
    }

    /** The source a {@link #describe()} text names, to read from it again. */
    static Optional<PackSource> described(String description, ClassLoader loader) {
        if (description.startsWith("folder ")) {
            return Optional.of(folder(Path.of(description.substring("folder ".length()))));
        }
        if (description.startsWith("classpath ")) {
            return Optional.of(classpath(loader, description.substring("classpath ".length())));
        }
        return Optional.empty();
    }

    static PackSource folder(Path dir) {
        return new PackSource() {
            @Override
            public String describe() {
                return "folder " + dir;
            }

            @Override
            public Optional<Path> folder() {
                return Optional.of(dir);
            }

            @Override
            public Optional<byte[]> read(String name) throws EnvironmentException {
                Path file = dir.resolve(name).normalize();
                if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    // A file the pack hands to TeX must really be the pack's, not a link to something elsewhere.
                    Path real = file.toRealPath();
                    if (!real.startsWith(dir.toRealPath())) {
                        throw new EnvironmentException(file + " is a symbolic link to " + real + ", outside the"
                                + " template pack's folder; put the file itself into the pack.");
                    }
                } catch (IOException e) {
                    throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
                }
                try {
                    return Optional.of(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
                }
            }
        };
    }

    static PackSource classpath(ClassLoader loader, String root) {
        return new PackSource() {
            @Override
            public String describe() {
                return "classpath " + root;
            }

            @Override
            public Optional<byte[]> read(String name) throws EnvironmentException {
                try (InputStream in = loader.getResourceAsStream(root + name)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new EnvironmentException("Cannot read " + root + name + ": " + e.getMessage(), e);
                }
            }
        };
    }
}

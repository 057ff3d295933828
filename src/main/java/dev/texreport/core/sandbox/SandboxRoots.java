package dev.texreport.core.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where one TeX run may read and write: read in its working directory, the project's report sources (and the
 * template pack's folder), the project's TEXMFVAR and the TeX installation; write only in the working directory and
 * the project's TEXMFVAR (luaotfload's cache). The same roots drive the Lua sandbox ({@link LuaSandbox}), the
 * recorder check ({@link RecorderCheck}) and the XDV check ({@link XdvSpecialCheck}).
 *
 * <p>Each folder is kept as written and, when it differs, as its real path: kpathsea reports the names it searched
 * (which may contain links, e.g. a TEXMFHOME under a linked home), the operating system reports real ones.
 *
 * <p>The installation's folders are trusted with their links: distributions link files and folders of the TeX
 * trees to other system folders (Debian links CMap folders to poppler-data's, fonts to /usr/share/fonts), and no
 * document can add a link there. Links in the project's folders are the team's and are judged by their target.
 *
 * @param workDir      the working directory, absolute and normalised
 * @param read         folders whose files may be read, absolute and normalised
 * @param write        folders whose files may be written or removed
 * @param installation the folders of {@code read} that belong to the TeX installation
 */
public record SandboxRoots(Path workDir, List<Path> read, List<Path> write, List<Path> installation) {
    public SandboxRoots {
        read = List.copyOf(read);
        write = List.copyOf(write);
        installation = List.copyOf(installation);
        for (Path root : read) {
            requireUsable(root);
        }
        for (Path root : write) {
            requireUsable(root);
        }
    }

    /**
     * @param workDir        the milestone's working directory
     * @param projectSources the report sources (src/report) and, when the template pack is a folder, that folder
     * @param varDirectory   the project's TEXMFVAR ({@link TexEnvironment#varDirectory})
     * @param tex            the installation's folders
     */
    public static SandboxRoots of(Path workDir, List<Path> projectSources, Path varDirectory, TexInstallation tex) {
        Set<Path> read = new LinkedHashSet<>();
        Set<Path> write = new LinkedHashSet<>();
        Set<Path> installation = new LinkedHashSet<>();
        addBoth(read, workDir);
        addBoth(write, workDir);
        addBoth(read, varDirectory);
        addBoth(write, varDirectory);
        projectSources.forEach(source -> addBoth(read, source));
        // kpathsea counts TEXMFVAR among the trees, but the project's TEXMFVAR is written by its own runs.
        for (Path folder : tex.folders()) {
            Set<Path> forms = new LinkedHashSet<>();
            addBoth(forms, folder);
            for (Path form : forms) {
                if (write.stream().noneMatch(form::startsWith)) {
                    installation.add(form);
                }
            }
        }
        read.addAll(installation);
        return new SandboxRoots(workDir.toAbsolutePath().normalize(), new ArrayList<>(read), new ArrayList<>(write),
                new ArrayList<>(installation));
    }

    public boolean mayRead(Path file) {
        return within(file, read);
    }

    public boolean mayWrite(Path file) {
        return within(file, write);
    }

    /** Whether the file is named inside the TeX installation, whose links are trusted. */
    public boolean inInstallation(Path file) {
        return within(file, installation);
    }

    private static boolean within(Path file, List<Path> roots) {
        Path normal = file.toAbsolutePath().normalize();
        for (Path root : roots) {
            if (normal.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    private static void addBoth(Set<Path> roots, Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        roots.add(absolute);
        try {
            if (Files.exists(absolute)) {
                roots.add(absolute.toRealPath());
            }
        } catch (IOException e) {
            // the written form is enough to judge names TeX gives
        }
    }

    // "/" as a root would allow everything; a relative root would mean whatever folder TeX runs in.
    private static void requireUsable(Path root) {
        if (!root.isAbsolute() || root.getNameCount() == 0) {
            throw new IllegalArgumentException("not a usable sandbox folder: " + root);
        }
    }
}

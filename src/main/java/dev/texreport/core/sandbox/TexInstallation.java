package dev.texreport.core.sandbox;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The folders of the TeX installation and of the system's fonts: what TeX may read besides the project. Asked of
 * kpathsea once per build, with the environment TeX gets, so that the answer is the trees TeX really searches.
 *
 * @param folders absolute folders, in kpathsea's order, each existing when it was asked
 */
public record TexInstallation(List<Path> folders) {
    /**
     * The variables whose folders TeX reads: the trees, the configuration (texmf.cnf), the formats and caches, and
     * OSFONTDIR (system fonts for luaotfload). One kpsewhich run expands them all.
     */
    static final String KPSE_PATH = "$TEXMF:$TEXMFCNF:$TEXMFSYSVAR:$TEXMFSYSCONFIG:$TEXMFDIST:$TEXMFMAIN:$OSFONTDIR";

    /**
     * fontconfig's font and configuration folders (the ones /etc/fonts/fonts.conf names on Linux and macOS): XeTeX
     * finds system fonts through fontconfig, and luaotfload reads the same configuration to find them.
     */
    private static final List<String> FONT_FOLDERS = List.of("/etc/fonts", "/usr/local/etc/fonts",
            "/usr/share/fontconfig", "/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts",
            "/System/Library/Fonts");
    private static final List<String> HOME_FONT_FOLDERS = List.of(".fonts", ".local/share/fonts", "Library/Fonts");

    public TexInstallation {
        folders = List.copyOf(folders);
    }

    /**
     * The arguments for one {@code kpsewhich} run (the installation's own kpsewhich, in the working directory, with
     * the environment TeX gets, {@link TexEnvironment#forTex}) whose output {@link #fromKpsewhich} reads. The
     * plugin runs it through its process runner once per build; this package starts no process itself, so that the
     * tex package can use it without a cycle.
     */
    public static List<String> kpsewhichArguments() {
        return List.of("-expand-path=" + KPSE_PATH);
    }

    /** The folders from kpsewhich's output ({@link #kpsewhichArguments}) and the usual font folders. */
    public static TexInstallation fromKpsewhich(List<String> output, String home) {
        return fromKpsewhich(String.join(File.pathSeparator, output), home);
    }

    /**
     * Relative entries (kpathsea's "."), the root folder and missing folders are dropped: "." would mean whatever
     * folder asks, and "/" everything.
     */
    static TexInstallation fromKpsewhich(String expandedPath, String home) {
        Set<Path> folders = new LinkedHashSet<>();
        for (String entry : expandedPath.split(File.pathSeparator)) {
            add(folders, entry.strip().replaceFirst("^!!", ""));
        }
        FONT_FOLDERS.forEach(folder -> add(folders, folder));
        if (home != null && !home.isBlank()) {
            HOME_FONT_FOLDERS.forEach(folder -> add(folders, home + "/" + folder));
        }
        return new TexInstallation(new ArrayList<>(folders));
    }

    private static void add(Set<Path> folders, String entry) {
        if (entry.isEmpty()) {
            return;
        }
        try {
            Path path = Path.of(entry).normalize();
            if (path.isAbsolute() && path.getNameCount() > 0 && Files.isDirectory(path)) {
                folders.add(path);
            }
        } catch (InvalidPathException e) {
            // kpathsea printed something that is no path; nothing TeX can read either
        }
    }
}

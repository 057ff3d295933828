package dev.texreport.core.sandbox;

import dev.texreport.core.Diagnostic;
import dev.texreport.core.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the file list TeX writes with {@code -recorder} ({@code <job>.fls}) after a pass and names every file it
 * read or wrote outside {@link SandboxRoots}. openin_any=p does not cover every read of every engine: LuaTeX's
 * {@code \saveimageresource}, {@code \pdfextension obj file} and {@code mapfile} read absolute names, and a read
 * through a link inside an allowed folder is recorded under the link's name. Such reads are recorded, so a pass
 * that made one fails here even where the engine's and the Lua sandbox's own checks missed it. XeTeX's image reads
 * are not recorded; {@link XdvSpecialCheck} covers those.
 *
 * <p>A recorded file is judged by its name as written (relative names against the PWD line) and, when it still
 * exists and is not named inside the TeX installation, by its real path too, so a link inside the project that
 * points outside is caught.
 */
public final class RecorderCheck {
    /** One file TeX read or wrote outside the sandbox. */
    public record Access(Kind kind, Path file) {
        public enum Kind { INPUT, OUTPUT }

        public String describe() {
            return (kind == Kind.INPUT ? "read " : "wrote ") + file;
        }
    }

    /**
     * The recorder file is not as TeX writes it. A document can open {@code main.fls} with {@code \openout} (it lies
     * in the working directory) and overwrite what was recorded; TeX then goes on writing at its own offset, which
     * leaves NUL bytes or lines TeX never writes. Such a pass must fail like one that read outside.
     */
    public static final class TamperedException extends IOException {
        TamperedException(Path fls, String why) {
            super(fls + " is not the file list TeX wrote (" + why + "): the document changed it during the run");
        }
    }

    private final SandboxRoots roots;

    public RecorderCheck(SandboxRoots roots) {
        this.roots = roots;
    }

    /** The accesses outside the sandbox in {@code fls}, each once, in the order TeX made them. */
    public List<Access> outside(Path fls) throws IOException {
        // TeX writes names as the bytes it was given, UTF-8 for every name the plugin or a team writes.
        String text = new String(Files.readAllBytes(fls), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        if (text.indexOf('\0') >= 0) {
            throw new TamperedException(fls, "it holds NUL bytes");
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("PWD ")) {
            throw new TamperedException(fls, "it does not start with a PWD line");
        }
        for (String line : lines) {
            if (!line.startsWith("PWD ") && !line.startsWith("INPUT ") && !line.startsWith("OUTPUT ")) {
                throw new TamperedException(fls, "it holds the line '" + line + "'");
            }
        }
        return outside(lines);
    }

    List<Access> outside(List<String> lines) {
        Path pwd = roots.workDir();
        Set<Access> found = new LinkedHashSet<>();
        for (String line : lines) {
            if (line.startsWith("PWD ")) {
                pwd = Path.of(line.substring(4).strip());
                continue;
            }
            Access.Kind kind;
            String name;
            if (line.startsWith("INPUT ")) {
                kind = Access.Kind.INPUT;
                name = line.substring(6);
            } else if (line.startsWith("OUTPUT ")) {
                kind = Access.Kind.OUTPUT;
                name = line.substring(7);
            } else {
                continue;
            }
            Path file;
            try {
                file = pwd.resolve(name).normalize();
            } catch (InvalidPathException e) {
                found.add(new Access(kind, pwd.resolve("invalid-name")));
                continue;
            }
            if (!allowed(kind, file)) {
                found.add(new Access(kind, file));
            }
        }
        return new ArrayList<>(found);
    }

    private boolean allowed(Access.Kind kind, Path file) {
        boolean named = kind == Access.Kind.INPUT ? roots.mayRead(file) : roots.mayWrite(file);
        if (!named) {
            return false;
        }
        if (kind == Access.Kind.INPUT && roots.inInstallation(file)) {
            return true; // the installation's own links, see SandboxRoots
        }
        try {
            Path real = file.toRealPath();
            return kind == Access.Kind.INPUT ? roots.mayRead(real) : roots.mayWrite(real);
        } catch (IOException e) {
            return true; // gone since (a temporary file): its name was allowed
        }
    }

    /** One error per access, located at the recorder file so the message names the milestone's build. */
    public static List<Diagnostic> diagnostics(List<Access> accesses, Path fls) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Access access : accesses) {
            diagnostics.add(Diagnostic.error(SourceLocation.of(fls, 0), "TeX " + access.describe()
                    + ", outside the project and the TeX installation; a report may read only its own sources and "
                    + "write only into its build directory. The PDF of this pass is not used."));
        }
        return diagnostics;
    }
}

package dev.texreport.core.sandbox;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment a TeX, bibtex, biber or xdvipdfmx process gets: only the variables TeX Live needs, never the whole
 * environment of the build. A CI job keeps tokens and passwords in its environment, and TeX can read them back in
 * several ways: LuaTeX's {@code os.getenv}, {@code /proc/self/environ}, and in every engine kpathsea's expansion of
 * {@code $NAME} inside file names ({@code \input{$SECRET}} prints the value in the "not found" error). The process
 * runner must therefore start TeX with exactly this map (replaced, not merged into the parent's).
 *
 * <p>The allowlist follows kpathsea's manual ("Path sources", "Environment variables"): the variables it reads
 * for the trees ({@code TEXMF*}), every search path a user may set ({@code *INPUTS}, {@code *FONTS},
 * {@code OSFONTDIR}, ...), also in their {@code NAME.progname} and {@code NAME_progname} forms, kpathsea's debugging
 * switches, and what any Unix program needs to run (PATH, HOME, locale, time zone, temporary directory) or XeTeX's
 * fontconfig reads. The sandbox switches (openin_any, openout_any, shell_escape, ...) are left out on purpose: the
 * plugin sets them itself, and a value inherited from CI must never weaken them.
 */
public final class TexEnvironment {
    private static final Set<String> PLAIN = Set.of(
            // every program
            "PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TEMP", "TMP",
            // fontconfig, which XeTeX uses to find system fonts
            "FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
            "XDG_CACHE_HOME", "XDG_DATA_DIRS", "XDG_CONFIG_DIRS",
            // Windows needs these to start any program
            "SYSTEMROOT", "SystemRoot", "WINDIR", "COMSPEC", "PATHEXT", "USERPROFILE", "APPDATA", "LOCALAPPDATA",
            // kpathsea search paths and settings that do not match the patterns below
            "OSFONTDIR", "WEB2C", "TEXPOOL", "MFPOOL", "MPPOOL", "MPSUPPORT", "TEXFORMATS", "MFBASES", "MPMEMS",
            "TEXPSHEADERS", "TEXCONFIG", "DVIPSHEADERS", "INDEXSTYLE", "TEXDOCS", "TEXSOURCES", "TEXMFSCRIPTS",
            "CMAPFONTS", "SFDFONTS", "FONTFEATURES", "FONTCIDMAPS", "TEXFONTMAPS", "MISCFONTS", "WEB2CFILES",
            "DVIPDFMXINPUTS", "MKTEXTEX", "MKTEXPK", "MKTEXTFM", "MKTEXMF", "MKOCP", "MKOFM", "MKTEXFMT",
            "MAKETEX_MODE", "MAKETEX_BASE_DPI", "MAKETEX_MAG", "MAKETEX_DESTDIR",
            // kpathsea's own diagnostics
            "KPATHSEA_DEBUG", "KPATHSEA_WARNING", "KPATHSEA_DPI", "KPATHSEA_DEBUG_OUTPUT");

    // LC_ALL, LC_CTYPE, ...; TEXMF, TEXMFHOME, TEXMFVAR, TEXMFCNF, TEXMFCACHE, ...; TEXINPUTS, BIBINPUTS, LUAINPUTS,
    // TFMFONTS, OPENTYPEFONTS, ... with an optional .progname or _progname suffix (kpathsea tries both forms).
    private static final Pattern PATTERNS = Pattern.compile(
            "LC_[A-Z]+|TEXMF[A-Z_]*|[A-Z0-9]+INPUTS|[A-Z0-9]+FONTS|[A-Z0-9]+FONTS?DIR"
                    + "|(?:[A-Z0-9]+INPUTS|[A-Z0-9]+FONTS|TEXMF[A-Z]*)[._][A-Za-z0-9-]+");

    /** Names the plugin sets for every TeX process; a CI value must not reach TeX, even if the plugin forgot one. */
    private static final Set<String> PLUGIN_OWNED = Set.of("openin_any", "openout_any", "shell_escape",
            "shell_escape_commands", "max_print_line", "error_line", "half_error_line", "SOURCE_DATE_EPOCH",
            "FORCE_SOURCE_DATE", "TEXMFVAR", "TEXMFCACHE", "TEXMF_OUTPUT_DIRECTORY", "TEXMFDOTDIR");

    private TexEnvironment() {
    }

    /** Whether a variable of the build's environment may be passed to TeX. */
    public static boolean allowed(String name) {
        if (PLUGIN_OWNED.contains(name)) {
            return false;
        }
        return PLAIN.contains(name) || PATTERNS.matcher(name).matches();
    }

    /**
     * The part of {@code parent} (normally {@code System.getenv()}) that TeX may see, with luaotfload's font cache
     * (and every other file kpathsea writes to TEXMFVAR) moved into {@code varDirectory}.
     *
     * <p>A directory per project keeps one team's document from changing another's: luaotfload keeps its font
     * tables in TEXMFCACHE as Lua code, which it loads in later runs, and the shared default
     * ({@code $TEXMFSYSVAR;$TEXMFVAR}) is writable by whoever runs the CI, often root. TEXMFCACHE must be set too:
     * luaotfload writes to the first writable entry of it, and TEXMFSYSVAR comes first by default.
     *
     * @param parent       the build's environment
     * @param varDirectory a directory of the project's build output, e.g. {@link #varDirectory(Path)}
     */
    public static Map<String, String> forTex(Map<String, String> parent, Path varDirectory) {
        Map<String, String> environment = new TreeMap<>();
        parent.forEach((name, value) -> {
            if (allowed(name)) {
                environment.put(name, value);
            }
        });
        String var = varDirectory.toAbsolutePath().normalize().toString();
        environment.put("TEXMFVAR", var);
        environment.put("TEXMFCACHE", var);
        return environment;
    }

    /**
     * Where a project's TEXMFVAR lies: under the report output, which {@code mvn clean} removes, and outside every
     * milestone's working directory, so TeX's {@code \openout} (limited to the working directory) cannot reach it.
     */
    public static Path varDirectory(Path reportOutputDirectory) {
        return reportOutputDirectory.resolve(".texreport").resolve("texmf-var");
    }
}

package dev.texreport.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TexEnvironmentTest {
    private static final Map<String, String> CI = ciEnvironment();

    private static Map<String, String> ciEnvironment() {
        Map<String, String> env = new HashMap<>();
        // what a CI job typically holds
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", "/home/ci");
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.put("TZ", "UTC");
        env.put("TMPDIR", "/tmp");
        env.put("GITHUB_TOKEN", "ghp_secret");
        env.put("CI_JOB_TOKEN", "glcbt-secret");
        env.put("AWS_SECRET_ACCESS_KEY", "aws-secret");
        env.put("MAVEN_PASSWORD", "hunter2");
        env.put("NPM_TOKEN", "npm-secret");
        env.put("SSH_AUTH_SOCK", "/tmp/ssh-agent.sock");
        env.put("JAVA_TOOL_OPTIONS", "-Dsecret=1");
        // what a TeX user may legitimately set
        env.put("TEXMFHOME", "/home/ci/texmf");
        env.put("TEXMFCNF", "/opt/texlive/texmf.cnf");
        env.put("TEXINPUTS", ".:/styles//:");
        env.put("TEXINPUTS.lualatex", ".:/lua-styles//:");
        env.put("BIBINPUTS", ".:/bib:");
        env.put("LUAINPUTS", "/lua:");
        env.put("OPENTYPEFONTS", "/fonts//:");
        env.put("OSFONTDIR", "/usr/share/fonts");
        env.put("KPATHSEA_DEBUG", "0");
        env.put("FONTCONFIG_PATH", "/etc/fonts");
        // switches the plugin owns: a CI value must never reach TeX
        env.put("openin_any", "a");
        env.put("openout_any", "a");
        env.put("shell_escape", "t");
        env.put("TEXMFVAR", "/var/shared-cache");
        env.put("TEXMFCACHE", "/var/shared-cache");
        return env;
    }

    @Test
    void secretsOfTheBuildNeverReachTex() {
        Map<String, String> tex = TexEnvironment.forTex(CI, Path.of("/p/target/report/.texreport/texmf-var"));
        for (String secret : new String[] {"GITHUB_TOKEN", "CI_JOB_TOKEN", "AWS_SECRET_ACCESS_KEY", "MAVEN_PASSWORD",
            "NPM_TOKEN", "SSH_AUTH_SOCK", "JAVA_TOOL_OPTIONS"}) {
            assertFalse(tex.containsKey(secret), secret + " reached TeX");
        }
        assertFalse(tex.values().stream().anyMatch(v -> v.contains("secret") || v.contains("hunter2")), tex::toString);
    }

    @Test
    void whatTexLiveNeedsAndUsersMaySetIsKept() {
        Map<String, String> tex = TexEnvironment.forTex(CI, Path.of("/p/target/report/.texreport/texmf-var"));
        for (String kept : new String[] {"PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "TEXMFHOME", "TEXMFCNF",
            "TEXINPUTS", "TEXINPUTS.lualatex", "BIBINPUTS", "LUAINPUTS", "OPENTYPEFONTS", "OSFONTDIR",
            "KPATHSEA_DEBUG", "FONTCONFIG_PATH"}) {
            assertEquals(CI.get(kept), tex.get(kept), kept);
        }
    }

    @Test
    void theSandboxSwitchesAndTheSharedFontCacheAreNotInherited() {
        Map<String, String> tex = TexEnvironment.forTex(CI, Path.of("/p/target/report/.texreport/texmf-var"));
        assertFalse(tex.containsKey("openin_any"));
        assertFalse(tex.containsKey("openout_any"));
        assertFalse(tex.containsKey("shell_escape"));
        assertEquals("/p/target/report/.texreport/texmf-var", tex.get("TEXMFVAR"));
        assertEquals("/p/target/report/.texreport/texmf-var", tex.get("TEXMFCACHE"));
    }

    @Test
    void namesThatOnlyResembleTexVariablesAreDropped() {
        assertTrue(TexEnvironment.allowed("T1FONTS"));
        assertTrue(TexEnvironment.allowed("TEXMFLOCAL"));
        assertTrue(TexEnvironment.allowed("LC_CTYPE"));
        assertFalse(TexEnvironment.allowed("MY_SECRET_INPUTS"));
        assertFalse(TexEnvironment.allowed("FONTS_API_KEY"));
        assertFalse(TexEnvironment.allowed("texinputs"));
        assertFalse(TexEnvironment.allowed("LUATEXDIR"), "LuaTeX looks for --lua scripts there");
    }

    @Test
    void theProjectsFontCacheLiesBesideTheMilestoneFolders() {
        assertEquals(Path.of("/p/target/report/.texreport/texmf-var"),
                TexEnvironment.varDirectory(Path.of("/p/target/report")));
    }
}

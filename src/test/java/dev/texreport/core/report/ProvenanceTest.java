package dev.texreport.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.tex.ProcessOutcome;
import dev.texreport.core.tex.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How often git is asked: once per question in a build, once in all outside a repository. */
class ProvenanceTest {
    @TempDir
    Path dir;

    private Provenance provenance(List<List<String>> asked, ProcessOutcome answer) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path git = Files.writeString(bin.resolve("git"), "#!/bin/sh\n");
        git.toFile().setExecutable(true);
        ProcessRunner runner = spec -> {
            asked.add(spec.arguments());
            return answer;
        };
        return new Provenance(runner, bin.toString(), dir);
    }

    @Test
    void outsideARepositoryGitIsAskedOnce() throws Exception {
        List<List<String>> asked = new ArrayList<>();
        Provenance provenance = provenance(asked, new ProcessOutcome(128, false,
                List.of("fatal: not a git repository (or any of the parent directories): .git"), Duration.ZERO));
        assertEquals(Optional.empty(), provenance.head());
        assertEquals(Optional.empty(), provenance.lastCommit(dir.resolve("results/a.json")));
        assertEquals(Optional.empty(), provenance.lastCommitTime(dir.resolve("src/report")));
        assertEquals(1, asked.size(), "the first refusal says it all: " + asked);
    }

    @Test
    void inARepositoryEachQuestionIsAskedOncePerBuild() throws Exception {
        List<List<String>> asked = new ArrayList<>();
        String commit = "0123456789abcdef0123456789abcdef01234567";
        Provenance provenance = provenance(asked, new ProcessOutcome(0, false, List.of(commit), Duration.ZERO));
        Path results = dir.resolve("results/a.json");
        assertEquals(Optional.of(commit), provenance.lastCommit(results));
        assertEquals(Optional.of(commit), provenance.lastCommit(results));
        assertEquals(Optional.of(commit), provenance.lastCommit(dir.resolve("results/b.json")));
        assertEquals(2, asked.size(), "the same file's commit is asked once: " + asked);
        assertTrue(asked.get(1).contains("results/b.json"), asked.toString());
    }

    @Test
    void anotherFailureDoesNotStopLaterQuestions() throws Exception {
        List<List<String>> asked = new ArrayList<>();
        Provenance provenance = provenance(asked, new ProcessOutcome(128, false,
                List.of("fatal: bad revision 'HEAD'"), Duration.ZERO));
        provenance.head();
        provenance.lastCommit(dir.resolve("results/a.json"));
        assertEquals(2, asked.size(), "a repository without commits is still a repository: " + asked);
    }
}

package dev.texreport.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.BuildResult;
import dev.texreport.core.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report:watch with a fake core: it builds once with the goal's parameters, then waits until it is stopped. */
class WatchMojoTest {
    @TempDir
    Path dir;

    private final MojoHarness harness = new MojoHarness();
    private final CountDownLatch built = new CountDownLatch(1);

    private WatchMojo mojo() throws Exception {
        Files.createDirectories(dir.resolve("src/report/final"));
        return harness.configure(new WatchMojo(), MojoHarness.project(dir, "A Paper"), request -> {
            built.countDown();
            return new BuildResult(List.of(), List.of(), request.outputDir().resolve("summary.json"));
        });
    }

    @Test
    void buildsWithTheParametersAndWatchesUntilStopped() throws Exception {
        WatchMojo mojo = mojo();
        mojo.mode = "preprint";
        Thread watching = new Thread(() -> {
            try {
                mojo.execute();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        watching.start();
        assertTrue(built.await(10, TimeUnit.SECONDS), "the first build starts at once");
        watching.interrupt();
        watching.join(10_000);
        assertFalse(watching.isAlive(), "an interrupt (Ctrl-C) stops watching");
        assertEquals(Mode.PREPRINT, harness.requests.get(0).mode());
        assertTrue(harness.log.contains("INFO Watching src/report for changes (Ctrl-C to stop)"), harness.log.toString());
    }

    @Test
    void skipWatchesNothing() throws Exception {
        WatchMojo mojo = mojo();
        mojo.skip = true;
        mojo.execute();
        assertEquals(List.of(), harness.requests);
        assertEquals(List.of("INFO Skipping the report watch (report.skip=true)."), harness.log);
    }

    @Test
    void aWrongParameterFailsBeforeWatching() throws Exception {
        WatchMojo mojo = mojo();
        mojo.mode = "draft";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("Unknown mode 'draft' (report.mode). Use one of: anonymous, preprint, final.", e.getMessage());
        assertEquals(List.of(), harness.requests);
    }
}

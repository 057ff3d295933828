package dev.texreport.core.build;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.Problem;
import dev.texreport.core.course.MilestoneSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the pipeline over the build's milestones: first decides which are up to date, then renders the stale ones one
 * after the other and hands each to TeX as soon as it is rendered, up to {@code threads} at once (TeX uses one core,
 * and the machine may have more). The longest milestone goes first, so that it does not start last and keep the
 * build waiting; the page limit is the course's own measure of how long a milestone is. Results come back in the
 * course's order.
 */
final class MilestoneScheduler {
    private final MilestonePipeline pipeline;
    private final int threads;

    MilestoneScheduler(MilestonePipeline pipeline, int threads) {
        this.pipeline = pipeline;
        this.threads = threads;
    }

    List<MilestoneResult> run(List<MilestoneSpec> milestones) throws EnvironmentException {
        Map<MilestoneSpec, Future<MilestoneResult>> results = new LinkedHashMap<>();
        List<MilestoneSpec> stale = new ArrayList<>();
        for (MilestoneSpec milestone : milestones) {
            pipeline.reuse(milestone).ifPresentOrElse(
                    reused -> results.put(milestone, CompletableFuture.completedFuture(reused)),
                    () -> stale.add(milestone));
        }
        stale.sort(Comparator.comparingInt(MilestoneSpec::pageLimit).reversed());
        ExecutorService pool = threads <= 1 || stale.size() <= 1 ? null
                : Executors.newFixedThreadPool(Math.min(threads, stale.size()), r -> {
                    Thread thread = new Thread(r, "report-milestone");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            for (MilestoneSpec milestone : stale) {
                MilestonePipeline.Rendering rendering = pipeline.render(milestone);
                if (rendering instanceof MilestonePipeline.Stopped stopped) {
                    results.put(milestone, CompletableFuture.completedFuture(stopped.result()));
                } else if (rendering instanceof MilestonePipeline.Ready ready) {
                    results.put(milestone, pool == null
                            ? CompletableFuture.completedFuture(pipeline.finish(ready.milestone()))
                            : pool.submit(() -> pipeline.finish(ready.milestone())));
                }
            }
            List<MilestoneResult> done = new ArrayList<>();
            for (MilestoneSpec milestone : milestones) {
                done.add(outcome(milestone, results.get(milestone)));
            }
            return done;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** The milestone's result; a milestone that broke with an unexpected exception is failed, not the build. */
    private static MilestoneResult outcome(MilestoneSpec milestone, Future<MilestoneResult> future)
            throws EnvironmentException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("The build was interrupted while " + milestone.id() + " was compiling", e);
        } catch (ExecutionException e) {
            EnvironmentException failure = new EnvironmentException("[" + milestone.id() + "] the build of this"
                    + " milestone broke unexpectedly (" + e.getCause() + "); this is a bug of report-maven-plugin,"
                    + " please report it with the output of mvn -X", e.getCause());
            return MilestoneResult.failed(milestone.id(), milestone.title(), milestone.pageLimit(),
                    List.of(Problem.BuildError.of(failure)), failure, java.util.Set.of());
        }
    }
}

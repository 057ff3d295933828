package dev.texreport.core.staff;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.Hashes;
import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The staff folder's files besides the page: each team's PDFs, logs and change views under
 * {@code teams/TEAM/}, and a thumbnail of each PDF's first page under {@code thumbs/}, named by the PDF's content
 * hash so that an unchanged PDF is never rendered twice (nor again when shard folders are merged). The
 * {@code teams/} folder is written afresh each time; thumbnails no page uses are removed.
 */
final class StaffFiles {
    static final String TEAMS = "teams";
    static final String THUMBS = "thumbs";

    /** Where one milestone's files went, relative to the staff folder (null: none). */
    record Placed(String pdf, String lastGoodPdf, String log, String compare, String thumbnail) { }

    private final Path staffDir;
    private final ReportLog log;
    private final int threads;

    StaffFiles(Path staffDir, ReportLog log, int threads) {
        this.staffDir = staffDir;
        this.log = log;
        this.threads = threads;
    }

    Map<String, Map<String, Placed>> place(List<TeamReport> teams) throws EnvironmentException {
        Path teamsDir = staffDir.resolve(TEAMS);
        try {
            deleteTree(teamsDir);
            Files.createDirectories(teamsDir);
            Files.createDirectories(staffDir.resolve(THUMBS));
        } catch (IOException e) {
            throw new EnvironmentException("Cannot prepare " + teamsDir + ": " + e.getMessage(), e);
        }
        Map<String, Map<String, Placed>> placed = new LinkedHashMap<>();
        Set<String> folders = new HashSet<>();
        Map<String, String> thumbnails = new ConcurrentHashMap<>();
        List<Callable> tasks = new ArrayList<>();
        Map<Path, Path> renders = new LinkedHashMap<>();
        for (TeamReport team : teams) {
            String folder = folderName(team.team(), folders);
            Map<String, Placed> cells = new LinkedHashMap<>();
            for (MilestoneCell cell : team.milestones()) {
                String base = TEAMS + "/" + folder + "/";
                String pdf = cell.pdf() == null ? null : copy(cell.pdf(), base + cell.pdf().getFileName());
                String lastGood = copy(cell.lastGoodPdf(), base + cell.id() + ".pdf");
                String texLog = copy(cell.log(), base + cell.id() + ".log");
                String compare = copy(cell.compare(), base + cell.id() + "-changes.pdf");
                String thumbnail = null;
                if (cell.pdf() != null) {
                    String hash = Hashes.sha256(cell.pdf()).substring(0, 24);
                    thumbnail = THUMBS + "/" + hash + ".png";
                    Path png = staffDir.resolve(thumbnail);
                    if (!Files.isRegularFile(png) && !renders.containsKey(png)) {
                        if (cell.thumbnail() != null && cell.thumbnail().getFileName().toString()
                                .equals(hash + ".png") && Files.isRegularFile(cell.thumbnail())) {
                            copy(cell.thumbnail(), thumbnail);
                        } else {
                            renders.put(png, cell.pdf());
                        }
                    }
                    thumbnails.put(thumbnail, team.team());
                }
                cells.put(cell.id(), new Placed(pdf, lastGood, texLog, compare, thumbnail));
            }
            placed.put(team.team(), cells);
        }
        Set<String> failed = ConcurrentHashMap.newKeySet();
        renders.forEach((png, pdf) -> tasks.add(() -> {
            try {
                Thumbnails.render(pdf, png);
            } catch (EnvironmentException e) {
                log.warn("No thumbnail for " + pdf + ": " + e.getMessage());
                failed.add(staffDir.relativize(png).toString().replace('\\', '/'));
            }
        }));
        parallel(tasks, threads);
        if (!failed.isEmpty()) {
            placed.replaceAll((team, cells) -> {
                Map<String, Placed> fixed = new LinkedHashMap<>();
                cells.forEach((id, p) -> fixed.put(id, failed.contains(p.thumbnail())
                        ? new Placed(p.pdf(), p.lastGoodPdf(), p.log(), p.compare(), null) : p));
                return fixed;
            });
        }
        prune(thumbnails.keySet());
        return placed;
    }

    private String copy(Path source, String relative) throws EnvironmentException {
        if (source == null || Files.isSymbolicLink(source) || !Files.isRegularFile(source)) {
            return null;
        }
        try {
            link(source, staffDir.resolve(relative));
        } catch (IOException e) {
            throw new EnvironmentException("Cannot copy " + source + " to " + staffDir.resolve(relative) + ": "
                    + e.getMessage(), e);
        }
        return relative;
    }

    /** A folder name for the team that is safe in a URL and a file system, and unique. */
    static String folderName(String team, Set<String> taken) {
        String safe = team.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "_" + safe;
        }
        String name = safe;
        for (int i = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            name = safe + "-" + i;
        }
        return name;
    }

    private void prune(Set<String> used) throws EnvironmentException {
        Path thumbs = staffDir.resolve(THUMBS);
        try (Stream<Path> files = Files.list(thumbs)) {
            for (Path file : files.toList()) {
                if (!used.contains(THUMBS + "/" + file.getFileName())) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot clean " + thumbs + ": " + e.getMessage(), e);
        }
    }

    /** Copies files into place: a hard link when source and copy share a file system, else a copy. */
    static void link(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        try {
            Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Runs the tasks on a few threads; the first failure is thrown. */
    static void parallel(List<Callable> tasks, int threads) throws EnvironmentException {
        if (tasks.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), r -> {
            Thread thread = new Thread(r, "texreport-staff");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable task : tasks) {
                futures.add(pool.submit(() -> {
                    task.call();
                    return null;
                }));
            }
            for (Future<Void> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("Interrupted while writing the staff page", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof EnvironmentException environment) {
                throw environment;
            }
            throw new EnvironmentException("Cannot write the staff page: " + cause.getMessage(), cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A task that may fail with a typed exception. */
    @FunctionalInterface
    interface Callable {
        void call() throws ReportException, IOException;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

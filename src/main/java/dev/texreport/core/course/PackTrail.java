package dev.texreport.core.course;

import dev.texreport.core.Hashes;
import dev.texreport.core.ReportException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What loading and using a template pack looked at: where each pack name was found, and every file read, with a
 * hash of its bytes or the fact that it was absent. A later build can replay the trail without parsing any JSON
 * (which would cost it the JSON library's start-up): when every name is found in the same place and every file has
 * the same bytes, the pack is the same. Milestones read pack files in parallel, so the trail is thread-safe.
 */
public final class PackTrail {
    private static final String FIND = "find";
    private static final String READ = "read";
    private final Set<String> steps = Collections.synchronizedSet(new LinkedHashSet<>());

    void found(String spec, Path base, PackSource source) {
        steps.add(String.join("\t", FIND, spec, base.toString(), source.describe()));
    }

    /** Reads {@code name} from {@code source} and notes what was there. */
    Optional<byte[]> read(PackSource source, String name) throws ReportException {
        Optional<byte[]> content = source.read(name);
        steps.add(String.join("\t", READ, source.describe(), name, content.map(Hashes::sha256).orElse("absent")));
        return content;
    }

    /** The steps so far, one line each (tab-separated fields), for {@link #replays}. */
    public List<String> steps() {
        synchronized (steps) {
            return new ArrayList<>(steps);
        }
    }

    /**
     * Whether the steps would find the same sources and read the same bytes today. Any doubt (an unknown step, a
     * pack that no longer loads) answers no, and the caller loads the pack in full.
     */
    public static boolean replays(List<String> steps, ClassLoader loader) {
        try {
            for (String step : steps) {
                String[] field = step.split("\t", -1);
                if (field.length != 4) {
                    return false;
                }
                if (field[0].equals(FIND)) {
                    if (!PackSource.locate(field[1], Path.of(field[2]), loader).describe().equals(field[3])) {
                        return false;
                    }
                } else if (field[0].equals(READ)) {
                    Optional<PackSource> source = PackSource.described(field[1], loader);
                    if (source.isEmpty() || !source.get().read(field[2]).map(Hashes::sha256).orElse("absent")
                            .equals(field[3])) {
                        return false;
                    }
                } else {
                    return false;
                }
            }
            return !steps.isEmpty();
        } catch (ReportException | RuntimeException e) {
            return false;
        }
    }

}

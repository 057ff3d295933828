package dev.texreport.core.tex;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides after each engine pass whether another is needed: when a file TeX reads back (.aux, .toc, .bbl, ... as
 * the recorder lists them) changed its content, never from log phrases. A state seen before means the references
 * oscillate; passes are capped.
 */
final class PassPlanner {
    static final int MAX_PASSES = 5;

    /** What to do after a pass. */
    sealed interface Next permits Done, Again, Oscillates, TooMany { }

    /** The files TeX reads back reached a fixed point. */
    record Done(AuxSnapshot state) implements Next { }

    /** Another pass, for the reason the log line shows (e.g. ".aux, .bbl changed"). */
    record Again(String reason) implements Next { }

    /** The files returned to a state of an earlier pass. */
    record Oscillates(List<String> changed) implements Next { }

    /** Still changing after the last allowed pass. */
    record TooMany(List<String> changed) implements Next { }

    private final List<AuxSnapshot> seen = new ArrayList<>();
    private AuxSnapshot before;

    /** @param start the state before the first pass (empty, or the planted files of the last build) */
    PassPlanner(AuxSnapshot start) {
        before = start;
        seen.add(start);
    }

    Next after(int pass, AuxSnapshot state) {
        List<String> changed = state.changedSince(before);
        if (changed.isEmpty()) {
            return new Done(state);
        }
        if (seen.subList(0, seen.size() - 1).contains(state)) {
            return new Oscillates(changed);
        }
        if (pass >= MAX_PASSES) {
            return new TooMany(changed);
        }
        seen.add(state);
        before = state;
        return new Again(changed.stream().map(PassPlanner::extension).collect(Collectors.joining(", "))
                + " changed");
    }

    private static String extension(String file) {
        int dot = file.lastIndexOf('.');
        return dot <= 0 ? file : file.substring(dot);
    }
}

package dev.texreport.core.tex;

/**
 * The TeX side of an engine started ahead of its pass ({@link StandbyEngines}): the command line it waits on, and
 * the file it reads once released.
 */
final class StandbyTex {
    /** What a released engine reads first: it picks the document up at its marker line, as a pass does. */
    static final String FILE = "texreport-standby.tex";
    /** The line that releases an engine. */
    static final String GO = "go";

    /**
     * The last argument of a held engine's command line. mylatexformat's job start reads this line as if it were
     * the document's marker line (it names {@code endofdump}); it then waits for one line on standard input, in
     * scroll mode (a non-stop mode cannot read the terminal) and restores the mode asked for, then reads
     * {@link #FILE}. Only control sequences: the line is read before the format's catcodes can be changed.
     */
    static String commandLine() {
        return "\\csname endofdump\\endcsname\\edef\\texreportmode{\\the\\interactionmode}\\interactionmode=2 "
                + "\\read16 to\\texreportgo \\interactionmode=\\texreportmode\\relax\\input " + FILE + "\\relax";
    }

    /** {@link #FILE} for a job: what the preamble left on the page (as the marker gives it), then the document. */
    static String fileText(String jobName) {
        return """
                %% texreport-standby.tex -- written by report-maven-plugin. The plugin started this engine from the
                %% preamble format before the pass was due; from here on it is the milestone's first pass.
                \\makeatletter
                \\csname texreport@dumphere\\endcsname
                \\let\\texreport@dumphere\\relax
                %% mylatexformat's scan of the document up to its marker line, again: its own start macro is gone.
                \\long\\gdef\\MYLATEX@start#1#2{\\endgroup#2}
                \\def\\texreport@resume{\\makeatother\\expandafter\\MYLATEX@scanpreamble\\@@input %s.tex }
                \\texreport@resume
                """.formatted(jobName);
    }

    private StandbyTex() {
    }
}

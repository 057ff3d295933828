package dev.texreport.core.tex;

import dev.texreport.core.AtomicFile;
import dev.texreport.core.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one {@code -ini} run that dumps a preamble into a format ({@link FormatCache}), and what its log and recorder
 * file say: the files it read, whether the format can be used, and what the preamble left on the page.
 */
final class FormatDump {
    static final String DRIVER = "texreport-dump.ltx";
    static final String DUMP_JOB = "texreport-format";
    static final String PAGE_FILE = "texreport-format-page.tex";
    static final String DRIVER_TEXT = """
            % texreport-dump.ltx -- written by report-maven-plugin next to main.tex for the one run that dumps the
            % preamble every milestone shares into a format (report.formatCache). The command line is
            %   -ini &<engine> texreport-dump.ltx mylatexformat.ltx main.tex
            % mylatexformat reads main.tex up to the plugin's marker line, which calls the macro below, and dumps.
            \\catcode`\\@=11
            \\def\\texreport@dumphere{%
              % mylatexformat would load extra fonts before the dump, which renumbers the PDF's font resources: the
              % format keeps the fonts the preamble loaded, no more, so a pass from it writes the same bytes.
              \\let\\MYLATEX@fontpreloading\\relax
              % A job from the format must not ask for \\jobname before it reads the document: that opens the log
              % (and renames the recorder's file), which an engine started ahead of its pass (StandbyEngines) must
              % leave alone until it is released. mylatexformat's list of preloaded files and its "start reading
              % document" note both name the job, so neither is printed.
              \\gdef\\MYLATEX@listfiles{\\def\\@dofilelist{\\relax\\relax\\typeout{}}}%
              \\gdef\\MYLATEX@banner##1##2##3\\typeout##4{\\global\\let\\MYLATEX@banner\\@undefined}%
              \\long\\gdef\\MYLATEX@start##1##2{\\global\\let\\MYLATEX@start\\@undefined
                \\endgroup\\MYLATEX@opens\\relax##2}%
              % What the preamble left on the page (e.g. pgfplots: a colour-stack push) is not kept in a format; the
              % plugin reads it from this listing and gives it back to every pass that starts from the format.
              {\\showboxbreadth=10000 \\showboxdepth=10000 \\showlists}%
              % In a pass from the format mylatexformat resumes at the marker line, which then reads that file.
              \\gdef\\texreport@dumphere{\\InputIfFileExists{texreport-format-page.tex}{}{}}%
              % A \\tikzexternalize that ran anyway (tikz not loaded as a package) would fix the dump's choice of job.
              \\ifnum0\\csname tikzexternalize@hasbeencalled\\endcsname=1
                \\immediate\\write-1{texreport: \\string\\tikzexternalize ran in the preamble format}\\fi}
            % \\tikzexternalize decides when it runs whether the job is the document or one picture's job (by the job
            % name), which a format must not fix: while the preamble is dumped, a call is only kept, and the document
            % makes it after the marker (\\texreport@afterdump), where a plain run's job name is known again.
            \\def\\texreport@externalizecalls{}
            \\AddToHook{package/tikz/after}{%
              \\let\\texreport@uselibrary\\use@@tikzlibrary
              \\def\\use@@tikzlibrary#1{\\texreport@uselibrary{#1}\\texreport@deferexternalize}}
            % \\tikzexternaldisable and \\tikzexternalenable in the preamble are kept too, in their order.
            \\def\\texreport@deferexternalize{%
              \\ifx\\tikzexternalize\\texreport@externalizelater\\else\\ifdefined\\tikzexternalize
                \\global\\let\\texreport@externalize\\tikzexternalize
                \\global\\let\\tikzexternalize\\texreport@externalizelater
                \\global\\let\\texreport@externaldisable\\tikzexternaldisable
                \\gdef\\tikzexternaldisable{\\g@addto@macro\\texreport@externalizecalls{\\texreport@externaldisable}}%
                \\global\\let\\texreport@externalenable\\tikzexternalenable
                \\gdef\\tikzexternalenable{\\g@addto@macro\\texreport@externalizecalls{\\texreport@externalenable}}%
              \\fi\\fi}
            \\def\\texreport@externalizelater{%
              \\@ifnextchar[\\texreport@externalizelater@{\\texreport@externalizelater@[]}}
            \\long\\def\\texreport@externalizelater@[#1]{%
              \\@ifnextchar\\bgroup{\\texreport@externalizenamed{#1}}%
                {\\g@addto@macro\\texreport@externalizecalls{\\texreport@externalize[#1]}}}
            \\long\\def\\texreport@externalizenamed#1#2{%
              \\g@addto@macro\\texreport@externalizecalls{\\texreport@externalize[#1]{#2}}}
            \\def\\texreport@afterdump{%
              \\ifdefined\\texreport@externalize
                \\let\\tikzexternalize\\texreport@externalize
                \\let\\tikzexternaldisable\\texreport@externaldisable
                \\let\\tikzexternalenable\\texreport@externalenable
              \\fi
              \\let\\texreport@deferexternalize\\relax
              \\texreport@externalizecalls}
            \\catcode`\\@=12
            \\expandafter\\input\\endinput
            """;
    /** What the driver logs when a {@code \\tikzexternalize} was not kept out of the dump. */
    private static final String EXTERNALIZED = "texreport: \\tikzexternalize ran";
    private static final Pattern PAGE_NODE = Pattern.compile(
            "\\\\write-\\{[^\\\\{}]*}|\\\\pdfcolorstack \\d+ (?:push|set) \\{[^\\\\{}]*}|\\\\pdfcolorstack \\d+ (?:pop|current)");

    /**
     * What the dump left.
     *
     * @param inputs      the files it read ({@code ./name} in the working directory), but main.tex and the driver
     * @param refused     why the format cannot be used, or null
     * @param format      the format file in the working directory (when not refused)
     * @param page        TeX input giving back what the preamble left on the page
     * @param preambleLog the log of loading the preamble, for the messages a pass from the format does not repeat
     */
    record Result(List<String> inputs, String refused, Path format, String page, List<String> preambleLog,
                  Duration elapsed) { }

    private FormatDump() {
    }

    static Result run(CompileJob job, JobSandbox sandbox, ProcessRunner runner, Toolchain toolchain)
            throws EnvironmentException, TexFailure {
        Path workDir = job.workDir();
        AtomicFile.write(workDir.resolve(DRIVER), temp -> Files.writeString(temp, DRIVER_TEXT, StandardCharsets.UTF_8));
        ProcessOutcome outcome = runner.run(ProcessSpec.tex(toolchain.enginePath(), sandbox.dumpArguments(DUMP_JOB,
                job.jobName() + ".tex"), workDir, sandbox.environment(), job.timeout()));
        List<String> logLines = TexFiles.readLog(workDir.resolve(DUMP_JOB + ".log"));
        Path fls = workDir.resolve(DUMP_JOB + ".fls");
        Path made = workDir.resolve(DUMP_JOB + ".fmt");
        if (!Files.isRegularFile(fls)) {
            String said = outcome.output().isEmpty() ? "" : ": " + outcome.output().get(outcome.output().size() - 1);
            return new Result(List.of(), "the engine did not start the dump (exit " + outcome.exitCode()
                    + said.strip() + ")", null, "", List.of(), outcome.elapsed());
        }
        sandbox.afterRun(fls, logLines);
        Recorded recorded;
        try {
            recorded = recorded(fls, workDir);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + fls + ": " + e.getMessage(), e);
        }
        List<String> inputs = recorded.inputs().stream()
                .filter(i -> !i.equals("./" + job.jobName() + ".tex") && !i.equals("./" + DRIVER)).toList();
        List<String> written = recorded.outputs().stream().filter(o -> !o.startsWith("./" + DUMP_JOB + ".")).toList();
        Page page = page(logLines);
        String why = outcome.timedOut() ? "the dump did not finish within " + job.timeout().toSeconds() + " s"
                : firstError(logLines).map(e -> "the dump stopped: " + e)
                .orElse(!written.isEmpty() ? "the preamble writes " + String.join(", ", written)
                        : !Files.isRegularFile(made) ? "the engine wrote no format (exit " + outcome.exitCode() + ")"
                        : logLines.stream().anyMatch(l -> l.startsWith(EXTERNALIZED))
                        ? "the preamble calls \\tikzexternalize where the plugin cannot keep it out of the format "
                          + "(tikz loaded other than by \\usepackage{tikz})"
                        : page.refused());
        return new Result(inputs, why, made, page.replay(), List.copyOf(logLines.subList(0, page.listingStart())),
                outcome.elapsed());
    }

    /** Removes what the dump left in the working directory (the format has been moved away, or is not wanted). */
    static void cleanUp(Path workDir) {
        for (String leftover : List.of(DRIVER, DUMP_JOB + ".log", DUMP_JOB + ".fls", DUMP_JOB + ".fmt")) {
            try {
                Files.deleteIfExists(workDir.resolve(leftover));
            } catch (IOException ignored) {
                // a leftover in the working directory is harmless; the next dump overwrites it
            }
        }
    }

    /** What the preamble left on the page, from the dump's {@code \showlists}, as TeX input to give it back. */
    record Page(String replay, String refused, int listingStart) { }

    static Page page(List<String> logLines) {
        int start = -1;
        for (int i = 0; i < logLines.size(); i++) {
            if (logLines.get(i).startsWith("### ")) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return new Page("", "the dump did not reach the marker line", logLines.size());
        }
        if (!logLines.get(start).equals("### vertical mode entered at line 0")) {
            return new Page("", "the preamble is not in vertical mode at the marker (" + logLines.get(start) + ")",
                    start);
        }
        StringBuilder replay = new StringBuilder();
        for (int i = start + 1; i < logLines.size(); i++) {
            String line = logLines.get(i);
            if (line.startsWith("prevdepth") || line.startsWith("! OK")) {
                break;
            }
            if (line.isBlank() || line.equals("### current page:") || line.equals("### recent contributions:")) {
                continue;
            }
            if (!PAGE_NODE.matcher(line).matches()) {
                return new Page("", "the preamble leaves material on the page (" + line.strip() + ")", start);
            }
            // TeX shows a \write to the log only (a negative stream) as "\write-"; as input it needs the number.
            replay.append(line.startsWith("\\write-{") ? "\\write-1" + line.substring("\\write-".length()) : line)
                    .append('\n');
        }
        return new Page(replay.toString(), null, start);
    }

    private static Optional<String> firstError(List<String> logLines) {
        return logLines.stream().filter(l -> l.startsWith("!") && !l.startsWith("! OK"))
                .map(String::strip).findFirst();
    }

    /** The files a run read and wrote, from its recorder file: inside the working directory as {@code ./name}. */
    record Recorded(List<String> inputs, List<String> outputs) { }

    static Recorded recorded(Path fls, Path workDir) throws IOException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        if (!Files.isRegularFile(fls)) {
            return new Recorded(inputs, outputs);
        }
        Path base = workDir.toAbsolutePath().normalize();
        for (String line : Files.readAllLines(fls, StandardCharsets.ISO_8859_1)) {
            boolean input = line.startsWith("INPUT ");
            if (!input && !line.startsWith("OUTPUT ")) {
                continue;
            }
            Path path = base.resolve(line.substring(line.indexOf(' ') + 1)).normalize();
            String name = path.startsWith(base) ? "./" + base.relativize(path).toString().replace('\\', '/')
                    : path.toString();
            List<String> list = input ? inputs : outputs;
            if (!list.contains(name)) {
                list.add(name);
            }
        }
        return new Recorded(inputs, outputs);
    }
}

package dev.texreport.core.build;

import dev.texreport.core.Problem;
import dev.texreport.core.course.MilestoneSpec;
import dev.texreport.core.template.RenderContext;
import dev.texreport.core.template.TemplateRenderer.RenderedFile;
import dev.texreport.core.tex.CompileJob;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A milestone after its templates were rendered into its working directory, ready for TeX.
 *
 * @param spec        the milestone
 * @param sources     the team's files it was made from
 * @param generated   the files written into the working directory (relative, with /), by the source they came from
 * @param context     what rendering learned: results files used, whether pgfplots is needed
 * @param warnings    what rendering warned about
 * @param diagnostics maps TeX's messages back to the team's files
 * @param job         what to compile
 */
record RenderedMilestone(MilestoneSpec spec, MilestoneSources sources, Map<String, RenderedFile> generated,
                         RenderContext context, List<Problem> warnings, TexDiagnostics diagnostics, CompileJob job) {
    Path workDir() {
        return job.workDir();
    }
}

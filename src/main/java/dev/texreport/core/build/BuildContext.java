package dev.texreport.core.build;

import dev.texreport.core.BuildRequest;
import dev.texreport.core.ReportLog;
import dev.texreport.core.course.TemplatePack;
import dev.texreport.core.incremental.StateStore;
import dev.texreport.core.results.ResultsLoader;
import dev.texreport.core.tex.StandbyEngines;
import dev.texreport.core.tex.Toolchain;
import java.util.Map;

/**
 * What every milestone of one build shares, resolved once when the build starts.
 *
 * @param request         the build's settings
 * @param pack            the template pack
 * @param toolchain       the engine and its helpers, located once
 * @param results         every results file, loaded
 * @param baseModel       the data model all templates see (project, mode, course, PDF info)
 * @param sourceDateEpoch the date written into the PDFs
 * @param configuration   the settings and versions that change a PDF, part of every milestone's fingerprint
 * @param state           what the last build left
 * @param standbys        engines waiting for this build's first passes (report:watch), whose files the renderer
 *                        leaves in place
 * @param log             progress and problems
 */
record BuildContext(BuildRequest request, TemplatePack pack, Toolchain toolchain,
                    ResultsLoader.LoadedResults results, Map<String, Object> baseModel, long sourceDateEpoch,
                    String configuration, StateStore state, StandbyEngines standbys,
                    ReportLog log) {
}

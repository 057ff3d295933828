package dev.texreport.core.build;

import dev.texreport.core.BuildRequest;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportException;
import dev.texreport.core.course.TemplatePack;
import dev.texreport.core.sandbox.SymlinkGuard;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Before anything of a build reads the sources: every file the plugin copies or hands to TeX (sections, figures,
 * preamble, .bib, shared includes, results, a pack kept in a folder) must really lie inside the project (or inside
 * the pack's folder), whatever symbolic links say; report.sourceDirectory must lie inside the project, and
 * target/report must not lead out of it. TeX's own search paths then cannot reach through a link either.
 */
final class SourceSandbox {
    private SourceSandbox() {
    }

    static void verify(BuildRequest request, TemplatePack pack) throws ReportException {
        try {
            SymlinkGuard guard = new SymlinkGuard(request.projectDir());
            for (Path folder : pack.folders()) {
                guard.verify(request.sourceDir(), folder, request.outputDir());
            }
            if (pack.folders().isEmpty()) {
                guard.verify(request.sourceDir(), null, request.outputDir());
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot check the links of " + request.sourceDir() + ": "
                    + e.getMessage(), e);
        }
    }
}

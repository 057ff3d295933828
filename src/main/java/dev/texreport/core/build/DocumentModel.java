package dev.texreport.core.build;

import dev.texreport.core.Author;
import dev.texreport.core.BuildRequest;
import dev.texreport.core.Mode;
import dev.texreport.core.course.CourseDescription;
import dev.texreport.core.course.TemplatePack;
import dev.texreport.core.template.PdfString;
import dev.texreport.core.tex.FormatCache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the templates' data model every milestone shares: the project (title, authors from the POM), the mode,
 * the course, and the PDF's title and author as PDF strings (so no name can be read as TeX).
 */
final class DocumentModel {
    private DocumentModel() {
    }

    static Map<String, Object> base(BuildRequest request, TemplatePack pack) {
        Map<String, Object> model = new LinkedHashMap<>();
        List<Map<String, Object>> authors = new ArrayList<>();
        for (Author author : request.authors()) {
            authors.add(Map.of("name", author.name(), "email", author.email(), "affiliation", author.affiliation(),
                    "row", author.row()));
        }
        model.put("project", Map.of("title", request.title(), "authors", authors));
        model.put("mode", request.mode().id());
        List<String> names = request.authors().stream().map(Author::name).toList();
        model.put("pdfinfo", Map.of("title", PdfString.hex(request.title()),
                "author", PdfString.hex(request.mode() == Mode.ANONYMOUS ? "Anonymous" : String.join(", ", names))));
        // The line after which the preamble is the milestone's own; above it, the part a cached format holds.
        // After it, the document's job name for tikz's external library: a picture's job that starts from the
        // format cannot define it on its command line (the format skips all input up to the marker). Then a
        // \tikzexternalize of the team's preamble, which the format kept out of itself (FormatDump), is made.
        model.put("formatMarker", FormatCache.MARKER + "\n\\ifdefined\\tikzexternalrealjob\\else\\def"
                + "\\tikzexternalrealjob{" + MilestoneRenderer.JOB + "}\\fi\\csname texreport@afterdump\\endcsname");
        CourseDescription.Layout layout = pack.course().layout();
        model.put("course", Map.of("name", pack.course().name(),
                "bibliographyStyle", pack.course().bibliographyStyle(),
                "layout", Map.of("notice", layout.notice(), "runningHead", layout.runningHead(),
                        "authorsPerRow", layout.authorsPerRow(), "natbib", layout.natbib())));
        return model;
    }
}

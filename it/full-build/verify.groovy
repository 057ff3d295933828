import groovy.json.JsonSlurper
import org.apache.pdfbox.Loader
import org.apache.pdfbox.text.PDFTextStripper

def report = new File(basedir, 'target/report')
def log = new File(basedir, 'build.log').getText('UTF-8')
def summary = new JsonSlurper().parse(new File(report, 'summary.json'))

assert summary.milestones*.id == ['proposal', 'midterm', 'final']
def limits = [proposal: 2, midterm: 6, final: 8]
def titles = [proposal: 'Project Proposal', midterm: 'Mid-Project Report', final: 'Final Report']

summary.milestones.each { m ->
    File pdf = new File(basedir, m.pdf)
    assert pdf.isFile(): "${m.id}: ${pdf} missing"
    assert m.pdf == "target/report/${m.id}.pdf"
    assert m.pageLimit == limits[m.id]
    assert m.passed == true
    assert m.errors == []
    assert m.warnings == []: "${m.id} warnings: ${m.warnings}"
    Loader.loadPDF(pdf).withCloseable { doc ->
        assert m.pdfPages == doc.numberOfPages
        doc.pages.each { page ->
            assert Math.round(page.mediaBox.width) == 612 && Math.round(page.mediaBox.height) == 792: 'US Letter'
        }
        String text = new PDFTextStripper().getText(doc)
        assert text.contains('Sparse Attention for Tiny Images')
        ['Zoë Brandt', 'Łukasz Nowak', 'José Álvarez', 'Example University'].each { assert text.contains(it) }
        assert text.contains("Deep Learning course project — ${titles[m.id]}")
        assert text.contains('vit_tiny & friends'): 'results JSON text is printed literally'
        assert text.contains('81.3')
        assert !text.contains('??'): 'all references resolved'
    }
    assert m.contentPages > 0 && m.contentPages <= m.pageLimit
    assert m.contentPages <= m.pdfPages
    // The closing line of the build log for this milestone.
    def line = "${m.id}: ${String.format(Locale.ROOT, '%.1f', m.contentPages as double)} of ${m.pageLimit} content pages (${m.pdfPages} in PDF) -> target/report/${m.id}.pdf"
    assert log.contains("[INFO] " + line): "missing closing line: ${line}"
}

// The final's appendix and references come after the counted body.
def fin = summary.milestones.find { it.id == 'final' }
Loader.loadPDF(new File(basedir, fin.pdf)).withCloseable { doc ->
    String text = new PDFTextStripper().getText(doc)
    assert text.contains('References')
    assert text.contains('Hyper-parameters')
    assert text.contains('Acknowledgments and Disclosure of Funding')
    assert doc.documentCatalog != null
}
// Each pass is logged with its reason; citations need bibtex once.
assert log.contains('[INFO] [final] pdflatex pass 1 (first pass)')
assert log.contains('[INFO] [final] bibtex (citations changed in pass 1)')
assert (log =~ /\[final\] bibtex/).count == 1
assert !log.contains('[WARNING] ['): 'the plugin warned'

// The Markdown summary for CI, also appended to $GITHUB_STEP_SUMMARY.
def md = new File(report, 'summary.md').getText('UTF-8')
assert md.contains('| Milestone | Content pages | Limit | PDF pages | Status | PDF |')
assert md =~ /\| Final Report \(`final`\) \| \d\.\d \| 8 \| \d+ \| passed \| `target\/report\/final.pdf` \|/
assert new File(basedir, 'step-summary.md').getText('UTF-8').contains(md.trim())
return true

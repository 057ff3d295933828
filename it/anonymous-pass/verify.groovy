import groovy.json.JsonSlurper
import org.apache.pdfbox.Loader
import org.apache.pdfbox.text.PDFTextStripper

def summary = new JsonSlurper().parse(new File(basedir, 'target/report/summary.json'))
assert summary.milestones[0].passed: summary.milestones[0].errors
Loader.loadPDF(new File(basedir, 'target/report/proposal.pdf')).withCloseable { doc ->
    String text = new PDFTextStripper().getText(doc)
    assert text.contains('Anonymous Author(s)')
    assert !text.contains('Brandt') && !text.contains('example.edu'): 'no team member in the PDF'
    assert !text.contains('We thank'): 'acknowledgements are hidden in anonymous builds'
    assert text =~ /(?m)^\s*1\s*$/ || text.contains('1 '): 'line numbers'
    assert doc.documentInformation.author == 'Anonymous'
    assert doc.documentInformation.title == 'An Anonymous Submission'
    assert doc.documentInformation.subject == 'Deep Learning course project — Project Proposal'
}
return true

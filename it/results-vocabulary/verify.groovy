import groovy.json.JsonSlurper
import org.apache.pdfbox.Loader
import org.apache.pdfbox.pdmodel.font.PDType3Font
import org.apache.pdfbox.text.PDFTextStripper

def report = new File(basedir, 'target/report')
def summary = new JsonSlurper().parse(new File(report, 'summary.json'))
def fin = summary.milestones[0]
assert fin.passed: fin.errors
assert fin.warnings == ["src/report/final/01-results.tex.ftl:7: results table 'tab:main': 'ResNet-18' has 3 seed(s) where others have 5",
                        "src/report/final/01-results.tex.ftl:7: results table 'tab:main': 'ViT-S' has 3 seed(s) where others have 5",
                        "src/report/final/01-results.tex.ftl:7: results table 'tab:main': 'DeiT-S' has 3 seed(s) where others have 5"]
// Provenance: the three results files this milestone read, with their hashes.
assert fin.results*.file == ['src/report/results/lightning/metrics.csv', 'src/report/results/main.json',
                             'src/report/results/trainer_state.json']
fin.results.each { assert it.sha256 ==~ /[0-9a-f]{64}/ }

// The generated LaTeX marks the right cells: best bold, second underlined, ties (99.7) both bold.
def tex = new File(report, 'final/sections/01-results.tex').getText('UTF-8')
assert tex.contains('% texreport: results table from results/main.json')
assert tex.contains('ResNet-18 & \\underline{91.5} & \\underline{\\textpm\\,0.3} & \\textbf{99.7} & \\textbf{\\textpm\\,0.1} & \\underline{0.305} & \\underline{\\textpm\\,0.007} \\\\')
assert tex.contains('ViT-S & 80.3 & \\textpm\\,0.2 & 98.6 & \\textpm\\,0.1 & 0.620 & \\textpm\\,0.010 \\\\')
assert tex.contains('ViT-S + RandAug & \\textbf{92.3} & \\textbf{\\textpm\\,0.3} & \\textbf{99.7} & \\textbf{\\textpm\\,0.1} & \\textbf{0.250} & \\textbf{\\textpm\\,0.002} \\\\')
assert tex.contains('DeiT-S & 90.7 & \\textpm\\,0.2 & \\underline{99.4} & \\underline{\\textpm\\,0.1} & 0.340 & \\textpm\\,0.010 \\\\')
assert tex.contains('\\caption{Accuracy and loss on CIFAR-10. Mean \\textpm{} std over 3--5 seeds.}')
assert tex.contains('% texreport: figure from results/trainer_state.json')
assert tex.contains('\\addlegendentry{training loss}') && tex.contains('\\addlegendentry{validation loss}')

def pdf = new File(basedir, fin.pdf)
Loader.loadPDF(pdf).withCloseable { doc ->
    String text = new PDFTextStripper().getText(doc).replaceAll('\\s+', ' ')
    assert text =~ /92\.3 ?± ?0\.3 ?% top-1 accuracy, against 80\.3 ?± ?0\.2 ?%/
    assert text =~ /reached 91\.50 ?%/
    assert text =~ /Table 1: Accuracy and loss on CIFAR-10\. Mean ± std over 3–5 seeds\./
    ['ResNet-18', 'ViT-S + RandAug', 'DeiT-S', 'Top-1 (%)', 'Test loss', 'training loss', 'validation loss',
     'Figure 1', 'Figure 2', 'Figure 3'].each { assert text.contains(it): it }
    doc.pages.each { page ->
        page.resources.fontNames.each { name ->
            def font = page.resources.getFont(name)
            assert !(font instanceof PDType3Font): "bitmap font ${font.name}"
        }
    }
}
return true

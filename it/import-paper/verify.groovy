import dev.texreport.core.pages.PageAccounting
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def team = new File(basedir, 'team')
def report = new File(team, 'src/report')
def log = new File(basedir, 'build.log').getText('UTF-8')

// What the import wrote: one verbatim file per section (the \input'ed one read in, the starred one too), the
// special files, the appendix, the bibliography, and the paper's folders as they were.
['final/01-introduction.tex', 'final/02-related-work.tex', 'final/03-method.tex', 'final/04-experiments.tex',
 'final/05-limitations.tex', 'final/06-conclusion.tex', 'final/abstract.tex', 'final/acknowledgements.tex',
 'final/appendix/01-training-details.tex', 'final/appendix/02-the-data-files.tex', 'preamble.tex',
 'references.bib', 'neurips_2099.sty', 'Images/pipeline.png', 'Images/samples.png', 'Data/loss.dat',
 'tables/results.tex'].each { assert new File(report, it).isFile(): it }
assert !new File(report, 'sample.tex').exists()
assert !new File(report, 'sections/related.tex').exists(): 'read into its section, not copied'
def intro = new File(report, 'final/01-introduction.tex').getText('UTF-8')
assert intro.startsWith('\\section{Introduction}\n\\label{sec:intro}')
assert intro.contains('% \\section{A section that was commented out}'): 'comments stay, and split nothing'
assert new File(report, 'final/04-experiments.tex').getText('UTF-8').contains('\\input{tables/results}')
assert new File(report, 'final/05-limitations.tex').getText('UTF-8').startsWith('\\section*{Limitations}')
assert new File(report, 'final/acknowledgements.tex').getText('UTF-8') ==
        'We thank the course staff for the compute budget. % and for their patience\nThis work received no other funding.\n'
def preamble = new File(report, 'preamble.tex').getText('UTF-8')
assert !preamble.contains('{natbib}'): 'the style loads natbib'
assert !preamble.contains('neurips_2099}\n') || preamble.contains('% \\usepackage{neurips_2099}')
assert !preamble.contains('\\title') && !preamble.contains('\\author')
assert preamble.contains('\\tikzexternalize[prefix=figures/]')

def pom = new XmlSlurper().parse(new File(team, 'pom.xml'))
assert pom.name.text() == 'Warm Restarts for Small Vision Transformers on a Compute Budget'
assert pom.developers.developer*.name*.text() == ['Zoë Brandt', 'José Martínez', 'Łukasz Nowak']
assert pom.developers.developer*.email*.text() == ['zoe@example.edu', 'jose@example.org', 'lukasz@example.edu']
assert pom.developers.developer[1].organization.text() == 'Institute of Examples, Example City'
assert pom.developers.developer*.properties*.row*.text() == ['1', '2', '2']: '\\AND starts the second row'
assert pom.properties.'report.template'.text() == 'neurips-official'
assert pom.properties.'report.mode'.text() == '': 'final is the default mode'

assert log.contains('[INFO] Imported ')
assert log.contains('[INFO]   preamble: left out \\usepackage{natbib}, which neurips_2099.sty loads itself')
assert log.contains('[INFO]   read in sections/related.tex')
assert log.contains('[WARNING]   the footnote (\\thanks) of Zoë Brandt is left out: pom.xml has no place for it')
assert log =~ /report:import never overwrites a file, and \d+ of the files it would write exist: pom\.xml, /

// The original, typeset by pdflatex as its authors did (latexmk -shell-escape for the externalised figure), with
// the plugin's page-measure package watching where the body ends.
def original = new File(basedir, 'target/original')
def paper = new File(basedir, 'paper').toPath()
java.nio.file.Files.walk(paper).each { from ->
    def to = original.toPath().resolve(paper.relativize(from).toString())
    if (java.nio.file.Files.isDirectory(from)) { java.nio.file.Files.createDirectories(to) }
    else { java.nio.file.Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING) }
}
new File(original, 'figures').mkdirs()
new File(original, 'texreport-measure.sty').text = new File(basedir, '../../../src/main/resources/dev/texreport/tex/texreport-measure.sty').getText('UTF-8')
def job = '\\RequirePackage{texreport-measure}\\AddToHook{env/ack/begin}{\\texreportBodyEnd}' +
        '\\AddToHook{env/thebibliography/begin}{\\texreportBodyEnd}\\input{sample}'
def run = { List<String> command ->
    def process = new ProcessBuilder(command).directory(original).redirectErrorStream(true).start()
    def output = process.inputStream.getText('UTF-8')
    assert process.waitFor() == 0: output
}
def pdflatex = ['pdflatex', '-shell-escape', '-interaction=nonstopmode', '-halt-on-error', '-jobname=sample', job]
run(pdflatex)
run(['bibtex', 'sample'])
run(pdflatex)
run(pdflatex)
def originalPages = new PageAccounting().measure(new File(original, 'sample.aux').toPath()).contentPages()

def official = new JsonSlurper().parse(new File(team, 'target/report/summary.json')).milestones[0]
def builtin = new JsonSlurper().parse(new File(team, 'target/report-builtin/summary.json')).milestones[0]
// The externalised pgfplots figure made it into the PDF (the plugin ran tikz's picture job, without shell escape).
def pdftotext = new ProcessBuilder('pdftotext', new File(team, 'target/report/final.pdf').path, '-')
        .redirectErrorStream(true).start()
def text = pdftotext.inputStream.getText('UTF-8')
pdftotext.waitFor()
assert text.contains('validation loss') && text.contains('warm restarts'): text
assert new File(team, 'target/report/final/figures/main-figure0.pdf').isFile()
assert !log.contains('Overfull'): 'the sample typesets cleanly'

println "import-paper: original ${originalPages}, neurips-official ${official.contentPages}, built-in ${builtin.contentPages} content pages"
assert official.passed && builtin.passed
assert Math.abs(official.contentPages - originalPages) < 0.005: "the official style counts the original's pages"
assert Math.abs(builtin.contentPages - originalPages) <= 0.02: 'the built-in style: within one line (1/58 page)'
return true

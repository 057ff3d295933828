import groovy.json.JsonSlurper

def team = new File(basedir, 'team')
['pom.xml', 'src/report/references.bib', 'src/report/results/main.json', 'src/report/proposal/10-key-idea.tex',
 'src/report/proposal/20-datasets.tex', 'src/report/proposal/30-deliverables.tex',
 'src/report/final/10-introduction.tex', 'src/report/final/15-results.tex.ftl', 'src/report/final/20-conclusion.tex']
        .each { assert new File(team, it).isFile(): it }
assert new File(team, 'src/report/proposal/30-deliverables.tex').getText('UTF-8')
        .contains('TODO: what you will hand in at the mid-project report and at the end.')
def summary = new JsonSlurper().parse(new File(team, 'target/report/summary.json'))
assert summary.milestones*.id == ['proposal', 'midterm', 'final']
assert summary.milestones.every { it.passed }: summary.milestones*.errors
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] kept existing pom.xml')
assert log.contains('[INFO] kept existing src/report/final/20-conclusion.tex')
['proposal', 'midterm', 'final'].each {
    assert new File(basedir, "target/report-sample/target/report/${it}.pdf").isFile(): "sample ${it}"
}
assert log =~ /\[INFO\] final: \d\.\d of 8 content pages \(\d+ in PDF\) -> target\/report-sample\/target\/report\/final\.pdf/
return true

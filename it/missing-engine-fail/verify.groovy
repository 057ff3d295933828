def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("pdflatex was not found in report.texBin (${new File(basedir, 'no-tex-here').canonicalPath})")
assert log.contains('sudo apt-get install texlive-latex-extra texlive-fonts-recommended')
assert !log.contains('\tat dev.texreport'): 'no stack trace'
assert !new File(basedir, 'target/report/final.pdf').exists()
// summary.json tells about this build, also when it stopped before any milestone was built.
def summary = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/report/summary.json'))
assert summary.passed == false
assert summary.milestones == []
assert summary.errors.size() >= 1
assert summary.problems.every { it.severity == 'error' }
return true

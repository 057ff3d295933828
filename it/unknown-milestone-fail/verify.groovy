def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("Unknown milestone 'finale' (report.milestone). This template pack knows: proposal, midterm, final.")
assert !log.contains('\tat dev.texreport'): 'no stack trace'
// summary.json tells about this build, also when it stopped before any milestone was built.
def summary = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/report/summary.json'))
assert summary.passed == false
assert summary.milestones == []
assert summary.errors.size() >= 1
assert summary.problems.every { it.severity == 'error' }
return true

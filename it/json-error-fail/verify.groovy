def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("[ERROR] src/report/results/cifar.json:3:3: invalid JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries")
assert log.contains('    3 | "top5": 0.97')
assert log.contains('Report build failed: 1 results file(s) cannot be read (listed above)')
assert !log.contains('\tat '): 'no stack trace'
// summary.json tells about this build, also when it stopped before any milestone was built.
def summary = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/report/summary.json'))
assert summary.passed == false
assert summary.milestones == []
assert summary.errors.size() >= 1
assert summary.problems.every { it.severity == 'error' }
return true

import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def summary = new JsonSlurper().parse(new File(basedir, 'target/report/summary.json'))
def fin = summary.milestones[0]

assert fin.id == 'final'
assert fin.passed == false
assert fin.contentPages > 8 && fin.contentPages < 10
def matcher = log =~ /Report build failed: final: (\d+\.\d+) content pages, limit 8 — about (\d+\.\d) page \(~(\d+) lines\) over/
assert matcher.find(): 'the over-limit message is the failure reason'
assert Math.abs((matcher.group(1) as double) - (fin.contentPages as double)) < 0.051
assert (matcher.group(3) as int) > 10
assert fin.errors.size() == 1 && fin.errors[0].startsWith('final: ')
// The team can still look at this build's PDF; a failed build never takes the place of a good one.
assert new File(basedir, 'target/report/final.failed.pdf').isFile()
assert !new File(basedir, 'target/report/final.pdf').exists(): 'there was no earlier good PDF'
assert fin.pdf == 'target/report/final.failed.pdf'
assert fin.status == 'over the limit'
assert summary.passed == false
assert log.contains("[INFO] final: ${matcher.group(1)} of 8 content pages (")
assert log.contains('-> target/report/final.failed.pdf OVER THE LIMIT; there is no earlier good PDF')
assert !log.contains('\tat dev.texreport'): 'no stack trace'
return true

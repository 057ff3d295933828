import groovy.json.JsonSlurper

def summary = new JsonSlurper().parse(new File(basedir, 'target/report/summary.json'))
assert summary.milestones*.id == ['final']
assert new File(basedir, 'target/report/final.pdf').isFile()
assert !new File(basedir, 'target/report/proposal.pdf').exists()
return true

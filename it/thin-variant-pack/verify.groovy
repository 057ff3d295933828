import groovy.json.JsonSlurper

def summary = new JsonSlurper().parse(new File(basedir, 'target/report/summary.json'))
def proposal = summary.milestones.find { it.id == 'proposal' }
assert proposal.passed
assert proposal.pageLimit == 1: 'the variant\'s limit'
assert proposal.due == '2031-03-14T18:00+01:00'
def markdown = new File(basedir, 'target/report/summary.md').getText('UTF-8')
assert markdown.contains(' | Fri 14 Mar 2031 18:00 CET: ') && markdown.contains(' left | passed')
assert proposal.title == 'Project Proposal': 'everything else comes from the built-in pack'
def text = new File(basedir, 'target/report/proposal/main.tex').getText('UTF-8')
// The variant's layout adds a running head; the notices come from the built-in pack's layout.
assert text.contains('\\texreportSetHeader{Deep Learning course project (short format): Project Proposal}')
assert text.contains('\\texreportNotice{Deep Learning course project (short format) — Project Proposal}')
assert text.contains('\\usepackage{texreport-neurips}')
return true

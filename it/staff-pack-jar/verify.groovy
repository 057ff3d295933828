import groovy.json.JsonSlurper

def summary = new JsonSlurper().parse(new File(basedir, 'team/target/report/summary.json'))
def proposal = summary.milestones[0]
assert proposal.id == 'proposal' && proposal.passed
assert proposal.pageLimit == 2: 'limits come from the built-in pack the staff pack extends'
assert proposal.due == '2022-04-01T23:59-04:00': 'Friday 1 April 2022 23:59 in the pack\'s time zone'
assert proposal.deadline == null: 'summary.json holds the date; the time left is in the log and summary.md'
def markdown = new File(basedir, 'team/target/report/summary.md').getText('UTF-8')
assert markdown =~ /\| Project Proposal \(`proposal`\) \| [0-9.]+ \| 2 \| \d+ \| Fri 1 Apr 2022 23:59 EDT: \d+ days \d+ hours? late \| passed/
def log = new File(basedir, 'team/build.log').exists() ? new File(basedir, 'team/build.log').getText('UTF-8')
        : new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] [proposal] due Fri 1 Apr 2022 23:59 EDT: ')
assert log.contains('[INFO] [course] Proposal feedback from staff: Fri 8 Apr 2022 23:59 EDT, ')
assert summary.events.size() == 1 && summary.events[0].title == 'Proposal feedback from staff'
assert summary.events[0].date == '2022-04-08T23:59-04:00'
assert markdown.contains('- Proposal feedback from staff: Fri 8 Apr 2022 23:59 EDT, ')
// A new project scaffolded from the pack's coordinates lists the pack as a plugin dependency and builds.
def pom = new File(basedir, 'new-team/pom.xml').getText('UTF-8')
assert pom.contains('<report.template>dl-2022</report.template>')
assert pom.contains('<artifactId>dl-course-pack</artifactId>')
def scaffold = new JsonSlurper().parse(new File(basedir, 'new-team/target/report/summary.json'))
assert scaffold.milestones.every { it.passed && it.due != null }
return true

import groovy.json.JsonSlurper

def summary = new JsonSlurper().parse(new File(basedir, 'team/target/report/summary.json'))
def proposal = summary.milestones[0]
assert proposal.id == 'proposal' && proposal.passed
assert proposal.pageLimit == 2: 'limits come from the built-in pack the staff pack extends'
assert proposal.due == '2022-04-01T23:59-04:00': 'Friday 1 April 2022 23:59 in the pack\'s time zone'
assert proposal.deadline.startsWith('due Fri 1 Apr 2022 23:59 EDT: ') && proposal.deadline.endsWith(' late')
def log = new File(basedir, 'team/build.log').exists() ? new File(basedir, 'team/build.log').getText('UTF-8')
        : new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] [proposal] due Fri 1 Apr 2022 23:59 EDT: ')
assert log.contains('[INFO] [course] Proposal feedback from staff: Fri 8 Apr 2022 23:59 EDT, ')
assert summary.events.size() == 1 && summary.events[0].startsWith('Proposal feedback from staff: Fri 8 Apr 2022 23:59 EDT, ')
// A new project scaffolded from the pack's coordinates lists the pack as a plugin dependency and builds.
def pom = new File(basedir, 'new-team/pom.xml').getText('UTF-8')
assert pom.contains('<report.template>dl-2022</report.template>')
assert pom.contains('<artifactId>dl-course-pack</artifactId>')
def scaffold = new JsonSlurper().parse(new File(basedir, 'new-team/target/report/summary.json'))
assert scaffold.milestones.every { it.passed && it.due != null }
return true

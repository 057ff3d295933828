import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def json = { path -> new JsonSlurper().parse(new File(basedir, path)) }
def teams = (1..5).collect { String.format('team-%02d', it) }

// -fae: report:aggregate ran although team-05's build failed.
def whole = json('target/report/staff/summary.json')
assert whole.teams*.team == teams
def failed = whole.teams.find { it.team == 'team-05' }.milestones[0]
assert failed.status == 'failed'
assert failed.firstError.contains('Undefined control sequence')
assert whole.teams.every { it.buildSeconds > 0 }: 'each module timed for the next plan'

// Each shard built only its share: every team in exactly one shard, all shards agreeing on the plan.
def shards = [json('target/artifacts/shard-1/summary.json'), json('target/late-artifacts/shard-2/summary.json'),
              json('target/artifacts/shard-3/summary.json')]
def plan = shards[0].shard.plan
assert plan.keySet().sort() == teams
shards.eachWithIndex { s, i ->
    assert s.shard.shard == "${i + 1}/3"
    assert s.shard.plan == plan
    assert s.teams*.team == plan.findAll { it.value == i + 1 }*.key.sort()
    assert !s.teams.isEmpty()
}
teams.each { team ->
    def shard = plan[team]
    [1, 2, 3].findAll { it != shard }.each { other ->
        assert log.contains("[shard ${other}/3] ${team} is built by shard ${shard}/3; skipped here."): "${team} in ${other}"
    }
    assert new File(basedir, "${team}/target/shard-report/summary.json").isFile(): "${team} built by its shard"
}

// The merged summary is the unsharded one, but for the measured build times.
def merged = json('target/staff-merged/summary.json')
def withoutTimes = { summary -> summary.teams.each { it.remove('buildSeconds') }; summary }
assert withoutTimes(merged) == withoutTimes(json('target/report/staff/summary.json'))
merged.teams.each { t ->
    t.milestones.each { m ->
        if (m.pdf) {
            assert new File(basedir, "target/staff-merged/${m.pdf}").isFile()
            assert new File(basedir, "target/staff-merged/${m.thumbnail}").isFile()
        }
    }
}
assert new File(basedir, 'target/staff-merged/index.html').getText('UTF-8').contains('<tr id="team-team-04"')

// Without shard 2's folder its teams are missing, and the page says which shard was to build them.
def partial = json('target/staff-partial/summary.json')
assert partial.teams*.team == teams
partial.teams.findAll { plan[it.team] == 2 }.each { t ->
    assert t.missing == 'no summary: shard 2/3 of the plan was to build it (did its job fail, or was its artifact not downloaded?)'
}
assert partial.teams.findAll { plan[it.team] != 2 }.every { it.missing == null }
assert log =~ /\[WARNING\] \d of 5 teams (has|have) no report:/
return true

import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path

// mavenCentralCopy, pluginVersion and outerRepository come from the invoker's scriptVariables in the plugin's pom.xml.
File courseRepo = new File(basedir, 'course-repo')
String courseUrl = courseRepo.toURI().toString()
String maven = new File(System.getProperty('maven.home'), 'bin/mvn').absolutePath

def run(File dir, List<String> command, Map<String, String> env = [:]) {
    def builder = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
    builder.environment().putAll(env)
    long start = System.nanoTime()
    def process = builder.start()
    def out = process.inputStream.getText('UTF-8')
    assert process.waitFor() == 0: "${command} in ${dir} failed:\n${out}"
    println "course-repository: ${command.drop(1).findAll { !it.startsWith('-') }} ${(System.nanoTime() - start).intdiv(1000000)} ms"
    return out
}

// Staff's builds: the IT's local repository, filled from the outer build's one (and Maven Central for what it lacks).
File staffSettings = new File(basedir, 'staff-settings.xml')
String outer = "<id>outer</id><url>${new File(outerRepository.toString()).toURI()}</url>"
staffSettings.text = """<settings><profiles><profile><id>it</id><activation><activeByDefault>true</activeByDefault></activation>
<repositories><repository>${outer}</repository></repositories>
<pluginRepositories><pluginRepository>${outer}</pluginRepository></pluginRepositories>
</profile></profiles></settings>"""
def staff = [maven, '-B', '-s', staffSettings.absolutePath, "-Dmaven.repo.local=${localRepositoryPath}".toString()]
String deployTo = "-DaltDeploymentRepository=course::${courseUrl}".toString()

// 1. The plugin, as staff deploy a released plugin jar and its POM (here the ones the invoker installed). Maven
//    refuses deploy goals in offline mode, so the plugin's own build, which runs offline here, cannot deploy itself.
File downloaded = new File(basedir, 'plugin-download')
downloaded.mkdirs()
for (String ext : ['jar', 'pom']) {
    String name = "report-maven-plugin-${pluginVersion}.${ext}"
    Files.copy(new File(localRepositoryPath.toString(), "dev/texreport/report-maven-plugin/${pluginVersion}/${name}").toPath(),
            new File(downloaded, name).toPath())
}
run(downloaded, staff + ['org.apache.maven.plugins:maven-deploy-plugin:3.1.3:deploy-file',
        "-Dfile=report-maven-plugin-${pluginVersion}.jar".toString(),
        "-DpomFile=report-maven-plugin-${pluginVersion}.pom".toString(),
        '-DrepositoryId=course', "-Durl=${courseUrl}".toString()])
// 2. The course's pack.
run(new File(basedir, 'pack'), staff + ['deploy', deployTo])
assert new File(courseRepo, "dev/texreport/report-maven-plugin/${pluginVersion}/maven-metadata.xml").isFile()
assert new File(courseRepo, 'edu/example/it/course-pack/2026.1/course-pack-2026.1.jar').isFile()

// Teams' machines reach the course repository and, for what Maven itself adds to every plugin (Maven 3.8 adds
// plexus-utils), Maven Central, here the outer build's local repository standing in for it. That holds no pack, and
// Central serves no snapshots, so the plugin and the pack can only come from the course repository (checked below).
String noCentral = "<mirrors><mirror><id>central-copy</id><mirrorOf>central</mirrorOf><url>${new File(outerRepository.toString()).toURI()}</url></mirror></mirrors>"
File initSettings = new File(basedir, 'course-settings.xml')
initSettings.text = """<settings>${noCentral}<profiles><profile><id>course</id><activation><activeByDefault>true</activeByDefault></activation>
<pluginRepositories><pluginRepository><id>course</id><url>${courseUrl}</url></pluginRepository></pluginRepositories>
</profile></profiles></settings>"""
File teamSettings = new File(basedir, 'team-settings.xml')
teamSettings.text = "<settings>${noCentral}</settings>"

// 3. A team runs report:init with the course's settings file and an empty local repository.
File team = new File(basedir, 'team-07')
team.mkdirs()
File initRepo = new File(basedir, 'm2-init')
String log = run(team, [maven, '-B', '-s', initSettings.absolutePath, "-Dmaven.repo.local=${initRepo}".toString(),
        "dev.texreport:report-maven-plugin:${pluginVersion}:init".toString(), '-Dreport.template=edu.example.it:course-pack:2026.1'])
assert log.contains("[INFO] The POM lists the plugin repository 'course' (${courseUrl}), where this plugin came from.")
assert log.contains('[WARNING] That repository is a folder on this machine'): 'a folder outside the project'
String pom = new File(team, 'pom.xml').getText('UTF-8')
assert pom.contains("<pluginRepository>\n      <id>course</id>\n      <url>${courseUrl}</url>"): pom
assert pom.contains('<artifactId>course-pack</artifactId>'): pom
['mvnw', '.mvn/wrapper/maven-wrapper.properties', '.mvn/jvm.config', '.gitignore', '.github/workflows/report.yml', '.gitlab-ci.yml']
        .each { assert new File(team, it).isFile(): it }
assert new File(team, 'mvnw').canExecute()

def cameFromCourse = { File repo ->
    for (String dir : ["dev/texreport/report-maven-plugin/${pluginVersion}", 'edu/example/it/course-pack/2026.1']) {
        String origins = new File(repo, "${dir}/_remote.repositories").getText('UTF-8')
        assert origins =~ /\.jar>course=/: "${repo}/${dir}: ${origins}"
    }
}
cameFromCourse(initRepo)

// 4. The new project builds as written: its ./mvnw downloads the pinned Maven (here from a file copy of Maven
//    Central's layout, checked against the pinned SHA-256), and that Maven resolves the plugin and the pack through
//    the POM's <pluginRepositories> into another empty local repository.
String distribution = (new File(team, '.mvn/wrapper/maven-wrapper.properties').getText('UTF-8') =~ /apache-maven-([0-9.]+)-bin/)[0][1]
String central = 'file://' + new File(mavenCentralCopy.toString()).absolutePath
assert new File(mavenCentralCopy.toString(), "org/apache/maven/apache-maven/${distribution}").isDirectory():
        "the POM's wrapper.maven.version must be the version mvnw pins, ${distribution}"
File teamRepo = new File(basedir, 'm2-team')
log = run(team, ['./mvnw', '-B', '-s', teamSettings.absolutePath, "-Dmaven.repo.local=${teamRepo}".toString(), 'report:build'],
        [MVNW_REPOURL: central,
         MAVEN_USER_HOME: new File(basedir, 'wrapper-home').absolutePath])
assert log.contains("mvnw: downloading ${central}"): log
assert log.contains("Apache Maven ${distribution}") || new File(basedir, "wrapper-home/wrapper/dists/apache-maven-${distribution}/bin/mvn").canExecute()
def summary = new JsonSlurper().parse(new File(team, 'target/report/summary.json'))
assert summary.milestones*.id == ['proposal', 'midterm', 'final']
assert summary.milestones.every { it.passed }: summary.milestones*.errors
cameFromCourse(teamRepo)

// A download whose SHA-256 is not the pinned one is never run.
File tampered = new File(basedir, 'tampered')
new File(tampered, '.mvn/wrapper').mkdirs()
Files.copy(new File(team, 'mvnw').toPath(), new File(tampered, 'mvnw').toPath())
String pinned = new File(team, '.mvn/wrapper/maven-wrapper.properties').getText('UTF-8')
new File(tampered, '.mvn/wrapper/maven-wrapper.properties').text =
        pinned.replaceFirst(/distributionSha256Sum=[0-9a-f]/, 'distributionSha256Sum=x')
def check = new ProcessBuilder(['sh', './mvnw', '-v']).directory(tampered).redirectErrorStream(true)
check.environment().putAll([MVNW_REPOURL: central, MAVEN_USER_HOME: new File(basedir, 'tampered-home').absolutePath])
def process = check.start()
String refused = process.inputStream.getText('UTF-8')
assert process.waitFor() != 0 && refused =~ /mvnw: .* has SHA-256 [0-9a-f]{64}, but .* pins x[0-9a-f]{63}; not using it\./: refused
assert !new File(basedir, "tampered-home/wrapper/dists/apache-maven-${distribution}").exists()
return true

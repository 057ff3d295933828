import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest

def sha(File file) { MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString() }

// Runs Maven on the copy, offline, with the local repository the invoker filled. Maven remembers which repository
// each artifact came from (the invoker's "local.central"), so the settings name a repository with that id.
@groovy.transform.Field File settings = new File(basedir.parentFile, basedir.name + '-settings.xml')
@groovy.transform.Field String repo = "<id>local.central</id><url>${new File(localRepositoryPath.toString()).toURI()}</url>"
settings.text = """<settings><profiles><profile><id>it</id><activation><activeByDefault>true</activeByDefault></activation>
<repositories><repository>${repo}</repository></repositories>
<pluginRepositories><pluginRepository>${repo}</pluginRepository></pluginRepositories>
</profile></profiles></settings>"""

def mvn(File dir, List<String> args) {
    // The Maven that runs this IT (its plugin resolution differs between versions), not whichever is on the PATH.
    String maven = new File(System.getProperty('maven.home'), 'bin/mvn').absolutePath
    def command = [maven, '-B', '-o', '-s', settings.absolutePath, "-Dmaven.repo.local=${localRepositoryPath}".toString()] + args
    def process = new ProcessBuilder(command).directory(dir).redirectErrorStream(true).start()
    def out = process.inputStream.getText('UTF-8')
    assert process.waitFor() == 0: "mvn ${args} in ${dir} failed:\n${out}"
    return out
}

File copy = new File(basedir.parentFile, basedir.name + '-elsewhere')
copy.deleteDir()
Path from = basedir.toPath()
for (String top : ['pom.xml', 'src']) {
    Files.walk(from.resolve(top)).each { Path p ->
        Path to = copy.toPath().resolve(from.relativize(p).toString())
        if (Files.isDirectory(p)) { Files.createDirectories(to) } else { Files.createDirectories(to.parent); Files.copy(p, to) }
    }
}
mvn(copy, ['report:build'])
mvn(copy, ['report:build', '-Dreport.engine=lualatex', '-Dreport.outputDirectory=target/lualatex'])

for (String dir : ['target/report', 'target/lualatex']) {
    for (String m : ['midterm', 'final']) {
        File here = new File(basedir, "${dir}/${m}.pdf")
        File there = new File(copy, "${dir}/${m}.pdf")
        assert here.isFile() && there.isFile()
        assert sha(here) == sha(there): "${dir}/${m}.pdf differs between ${basedir} and ${copy}"
        String text = new String(here.bytes, 'ISO-8859-1')
        assert !text.contains(basedir.absolutePath) && !text.contains(basedir.name): "${here} names its directory"
    }
}
assert sha(new File(basedir, 'target/report/final.pdf')) != sha(new File(basedir, 'target/lualatex/final.pdf')):
        'two engines, two different PDFs: the comparison above is not of one file with itself'

// Touching the results file only the final report reads rebuilds the final report alone.
File main = new File(copy, 'src/report/results/main.json')
main.text = main.text.replace('0.843', '0.845')
String log = mvn(copy, ['report:build'])
assert log.contains('[INFO] [midterm] up to date'): log
assert log.contains('[INFO] [final] pdflatex pass 1'): log
assert !log.contains('[midterm] pdflatex'): log
assert new File(copy, 'target/report/final/sections/02-results.tex').getText('UTF-8').contains('84.2'): 'the mean of 0.845 and 0.839'
return true

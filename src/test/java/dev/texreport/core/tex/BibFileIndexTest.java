package dev.texreport.core.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where entries are in .bib files, read by bibtex's rules. */
class BibFileIndexTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void entriesAreFoundAtTheirAtLineAcrossFilesStringsCommentsAndPreambles() throws Exception {
        Path first = write("a.bib", """
                % text outside entries is a comment for bibtex
                @string{jmlr = {Journal of Machine Learning Research}}
                @preamble{ "\\newcommand{\\noop}[1]{}" }
                @comment{ignored}

                @Article{Smith:2020/x+y,
                  author = {A. Smith},
                  title  = {Title with an {@} inside braces},
                  journal = jmlr # { (online)},
                  year = 2020
                }
                @book(paren,
                  title = "Quoted {value}",
                  year = {2019})
                @misc{
                  keyOnNextLine,
                  note = {x}
                }
                """);
        Path second = write("b.bib", """
                @article{second,
                  title = {In the second file}
                }
                """);
        BibFileIndex index = BibFileIndex.read(List.of(first, second));

        assertEquals(List.of("Smith:2020/x+y@6", "paren@12", "keyOnNextLine@15", "second@1"),
                index.entries().stream().map(e -> e.key() + "@" + e.line()).toList());
        assertEquals(second, index.find("SECOND").orElseThrow().file());
        BibFileIndex.Entry smith = index.find("smith:2020/X+Y").orElseThrow();
        assertEquals("article", smith.type());
        assertEquals(List.of("author@7", "title@8", "journal@9", "year@10"),
                smith.fields().stream().map(f -> f.name() + "@" + f.line()).toList());
        assertEquals("jmlr # { (online)}", smith.fields().get(2).value());
        assertEquals(0, smith.brokenAt());
    }

    @Test
    void theFirstOfTwoKeysThatDifferInCaseIsTheOneBibtexUses() throws Exception {
        Path file = write("refs.bib", "@article{Dup,\n  title = {One}\n}\n\n@article{dup,\n  title = {Two}\n}\n");
        BibFileIndex index = BibFileIndex.read(List.of(file));
        assertEquals(1, index.find("dup").orElseThrow().line());
        assertEquals(List.of(1, 5), index.findAll("DUP").stream().map(BibFileIndex.Entry::line).toList());
        assertEquals(5, index.around(file, 6).orElseThrow().line());
    }

    @Test
    void aBrokenEntryTellsWhereReadingStoppedAndTheNextEntryIsStillFound() throws Exception {
        // bibtex 0.99d on this file: "I was expecting a `,' or a `}'" at lines 3 and 13, entries nocomma, after,
        // unclosed and never all read (the brace opened at line 10 closes at line 12).
        Path file = write("refs.bib", """
                @article{nocomma,
                  author = {B. Author}
                  title = {Bad}
                }
                @article{after,
                  title = {Fine}
                }
                @article{unclosed,
                  author = {A},
                  title = {T {x},
                  year = {2020}
                }
                @article{never,
                  title = {read}
                }
                @article{last,
                  title = {this brace is never closed,
                  year = {2020}
                }
                """);
        BibFileIndex index = BibFileIndex.read(List.of(file));
        assertEquals(List.of("nocomma", "after", "unclosed", "never", "last"), index.entries().stream()
                .map(BibFileIndex.Entry::key).toList());
        assertEquals(3, index.find("nocomma").orElseThrow().brokenAt());
        assertEquals(0, index.find("after").orElseThrow().brokenAt());
        assertEquals(13, index.find("unclosed").orElseThrow().brokenAt());
        assertEquals(19, index.find("last").orElseThrow().brokenAt());
        assertEquals(10, index.find("unclosed").orElseThrow().swallowingField().orElseThrow().line());
        assertEquals(17, index.find("last").orElseThrow().swallowingField().orElseThrow().line());
        assertTrue(index.find("never").orElseThrow().swallowingField().isEmpty());
    }

    @Test
    void aFileThatCannotBeReadHasNoEntries() {
        assertTrue(BibFileIndex.read(List.of(dir.resolve("missing.bib"))).entries().isEmpty());
    }
}

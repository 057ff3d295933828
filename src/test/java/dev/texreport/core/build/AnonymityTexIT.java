package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.texreport.core.Author;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.Mode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An anonymous submission may cite the team's own work in the third person: the reference list and the citations
 * in the text are not leaks, but a member's name in the text and a member's repository in a footnote are.
 */
class AnonymityTexIT {
    @TempDir
    Path dir;

    @Test
    void referencesAndCitationsPassWhileARepositoryInAFootnoteIsCaught() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/references.bib", "@inproceedings{brandt2021, author={Zo{\\\"e} Brandt and Hugo"
                        + " Aguettaz}, title={Small Transformers}, booktitle={Workshop}, year={2021}}\n"
                        + "@misc{other2020, author={Ann Other}, title={Other Work}, year={2020}}\n")
                .file("src/report/final/01-introduction.tex", "\\section{Introduction}\n"
                        + "\\citet{brandt2021} trained small transformers; we follow \\citep{brandt2021, other2020}."
                        + " The code is public.\\footnote{\\url{https://github.com/haguettaz/small-vit}}\n"
                        + TeamProject.paragraphs(2));
        MilestoneResult result = project.build(project.request().mode(Mode.ANONYMOUS).milestones(List.of("final"))
                .authors(List.of(new Author("Zoë Brandt", "zoe@example.edu", "Example University"),
                        new Author("Hugo Aguettaz", "hugo@example.edu", "Example University"))).build())
                .milestones().get(0);
        assertEquals(List.of("final.pdf: page 1 shows the repository link 'github.com/haguettaz' of a team member in"
                + " an anonymous PDF; link the code through an anonymised copy of the repository [anonymity]"),
                result.errors());
    }

    @Test
    void aNameInTheTextIsCaught() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/references.bib", "@misc{other2020, author={Ann Other}, title={Other}, year={2020}}\n")
                .file("src/report/final/01-introduction.tex", "\\section{Introduction}\nAs Aguettaz showed before"
                        + " \\citep{other2020}, it works.\n");
        MilestoneResult result = project.build(project.request().mode(Mode.ANONYMOUS).milestones(List.of("final"))
                .authors(List.of(new Author("Hugo Aguettaz", "", ""))).build()).milestones().get(0);
        assertEquals(List.of("final.pdf: page 1 shows 'Aguettaz' in an anonymous PDF; remove it (write about your"
                + " own earlier work in the third person) [anonymity]"), result.errors());
    }
}

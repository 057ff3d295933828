package dev.texreport.core.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class AuxSnapshotTest {
    @Test
    void positionRecordsTheAbsolutePageCountAndBibciteOrderDoNotCount() {
        String a = "\\relax\n\\bibcite{a}{{1}{2020}}\n\\newlabel{x}{{1}{1}}\n\\bibcite{b}{{2}{2021}}\n"
                + "\\texreport@pos{bodyend}{1}{123}\n\\gdef \\@abspage@last{2}\n";
        String b = "\\relax\n\\newlabel{x}{{1}{1}}\n\\bibcite{b}{{2}{2021}}\n\\bibcite{a}{{1}{2020}}\n"
                + "\\texreport@pos{bodyend}{1}{456}\n\\gdef \\@abspage@last{3}\n";
        assertEquals(AuxSnapshot.normalize("main.aux", a), AuxSnapshot.normalize("main.aux", b));
    }

    @Test
    void theOrderOfOtherLinesAndAnyContentChangeDoCount() {
        String toc1 = "\\@writefile{toc}{\\contentsline {section}{A}{1}}\n\\@writefile{toc}{\\contentsline {section}{B}{1}}\n";
        String toc2 = "\\@writefile{toc}{\\contentsline {section}{B}{1}}\n\\@writefile{toc}{\\contentsline {section}{A}{1}}\n";
        assertNotEquals(AuxSnapshot.normalize("main.aux", toc1), AuxSnapshot.normalize("main.aux", toc2));
        assertNotEquals(AuxSnapshot.normalize("main.aux", "\\newlabel{x}{{1}{1}}"),
                AuxSnapshot.normalize("main.aux", "\\newlabel{x}{{1}{2}}"));
    }
}

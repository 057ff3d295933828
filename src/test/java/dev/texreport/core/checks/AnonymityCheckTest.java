package dev.texreport.core.checks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.Author;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Third-person self-citations are allowed; names in running text and a member's repository are not. */
class AnonymityCheckTest {
    private static final List<Author> TEAM = List.of(new Author("Zoë Brandt", "zoe@example.edu", ""),
            new Author("Michaël Defferrard", "michael.defferrard@example.edu", ""),
            new Author("Hugo Aguettaz", "", ""));

    @Test
    void citationsOfTheTeamsWorkAreNotLeaks() {
        assertFalse(AnonymityCheck.leaks("as brandt et al. [2021] showed", "brandt", true));
        assertFalse(AnonymityCheck.leaks("as shown before [brandt and nowak, 2021]", "brandt", true));
        assertFalse(AnonymityCheck.leaks("(other, brandt, and nowak, 2020b)", "brandt", true));
        assertFalse(AnonymityCheck.leaks("brandt et al. [12] use it", "brandt", true));
        assertFalse(AnonymityCheck.leaks("the brandtner model", "brandt", true), "part of another word");
    }

    @Test
    void namesInTheTextAreLeaks() {
        assertTrue(AnonymityCheck.leaks("as in our earlier work (brandt et al.).", "brandt", true));
        assertTrue(AnonymityCheck.leaks("as zoë brandt showed in 2021", "zoë brandt", false),
                "a full name is never a citation");
        assertTrue(AnonymityCheck.leaks("brandt showed that the data is clean", "brandt", true));
        assertTrue(AnonymityCheck.leaks("write to zoe@example.edu, 2021", "zoe@example.edu", false));
    }

    @Test
    void aTeamMembersRepositoryIsALeak() {
        assertTrue(AnonymityCheck.memberHandle("haguettaz", TEAM), "initial and last name");
        assertTrue(AnonymityCheck.memberHandle("mdeff", TEAM), "initial and the start of the last name");
        assertTrue(AnonymityCheck.memberHandle("zoe-brandt", TEAM));
        assertTrue(AnonymityCheck.memberHandle("zoe", TEAM), "the e-mail's name");
        assertTrue(AnonymityCheck.memberHandle("MichaelDefferrard", TEAM), "accents and case folded");
        assertFalse(AnonymityCheck.memberHandle("pytorch", TEAM));
        assertFalse(AnonymityCheck.memberHandle("zoetrope-labs", TEAM), "a short first name alone is no match");
    }
}

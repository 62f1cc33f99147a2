package io.sanjiaodi.audit.checkpoint.note;

import static io.sanjiaodi.audit.checkpoint.note.SignedNoteTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checkpoint text of tlog-checkpoint.md: origin, decimal size, base64 root, optional extension lines. */
class TlogCheckpointTest {

    private static final byte[] ROOT = new byte[32];
    private static final String B64 = Base64.getEncoder().encodeToString(ROOT);

    @Test
    void aCheckpointIsOriginSizeAndRootEachOnALine() {
        TlogCheckpoint c = new TlogCheckpoint("example.org/log", 20852163, ROOT);
        assertThat(c.text()).isEqualTo("example.org/log\n20852163\n" + B64 + "\n");
        assertThat(TlogCheckpoint.parse(c.text())).isEqualTo(c);
        TlogCheckpoint extended = TlogCheckpoint.parse(c.text() + "ext one\n");
        assertThat(extended.extensions()).containsExactly("ext one");
        assertThat(extended.text()).isEqualTo(c.text() + "ext one\n");
    }

    @Test
    void sizesWithLeadingZeroesRootsOfAnotherLengthAndMissingLinesAreMalformed() {
        for (String bad : List.of(
                "example.org/log\n07\n" + B64 + "\n",
                "example.org/log\n-1\n" + B64 + "\n",
                "example.org/log\n7\n" + Base64.getEncoder().encodeToString(new byte[31]) + "\n",
                "example.org/log\n7\n" + B64.replace("=", "") + "\n",
                "example.org/log\n7\n",
                "\n7\n" + B64 + "\n",
                "example.org/log\n7\n" + B64 + "\n\n",
                "example.org/log\n7\n" + B64)) {
            assertCode(() -> TlogCheckpoint.parse(bad), NoteException.MALFORMED);
        }
        assertThat(TlogCheckpoint.parse("example.org/log\n0\n" + B64 + "\n").treeSize())
                .isZero();
    }
}

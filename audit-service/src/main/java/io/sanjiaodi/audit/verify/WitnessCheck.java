package io.sanjiaodi.audit.verify;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.note.SignedNote;
import io.sanjiaodi.audit.witness.CosignerKey;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * The offline verifier's check that the witnesses a reader trusts cosigned a checkpoint: a log that
 * showed this reader a fork could sign it with its own key, but no honest witness cosigns two
 * histories, and a cosignature copied onto a forked note does not verify over its text. Plain Java,
 * for {@code verifier.jar} too.
 */
final class WitnessCheck {

    /** {@link #newestCosignature}'s answer when no trusted witness cosigned. */
    static final long NONE = -1;

    private WitnessCheck() {}

    /** The newest time (POSIX seconds) at which a trusted witness cosigned the checkpoint's note; -1 if none did. */
    static long newestCosignature(Checkpoint c, List<CosignerKey> witnesses) {
        if (c.note() == null) {
            return NONE;
        }
        SignedNote note = SignedNote.parse(c.note());
        long newest = NONE;
        for (CosignerKey witness : witnesses) {
            newest = Math.max(newest, witness.newestCosignature(note));
        }
        return newest;
    }

    /** True when every trusted witness cosigned the checkpoint's C2SP note; each is named either way. */
    static boolean cosigned(Checkpoint c, List<CosignerKey> witnesses, PrintStream out) {
        if (witnesses.isEmpty()) {
            return true;
        }
        if (c == null || c.note() == null) {
            out.println("FAIL checkpoint has no C2SP note, so no witness cosignature can be checked");
            return false;
        }
        SignedNote note = SignedNote.parse(c.note());
        boolean all = true;
        for (CosignerKey witness : witnesses) {
            long time = witness.newestCosignature(note);
            if (time > 0) {
                out.println("OK   cosigned by witness " + witness.name() + " at " + Instant.ofEpochSecond(time));
            } else {
                out.println("FAIL no valid cosignature of witness " + witness.name()
                        + " (missing, or made for another checkpoint: a fork or a replay)");
                all = false;
            }
        }
        return all;
    }
}

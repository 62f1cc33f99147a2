package io.sanjiaodi.witness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The add-checkpoint rules of tlog-witness.md, in the order the spec gives them. One lock covers
 * checking the old size and persisting the new checkpoint, so two concurrent requests can never
 * roll the witness's view of a log back (the race the spec describes).
 */
public final class Witness {

    static final int MAX_PROOF_LINES = 63;
    private static final Logger LOG = Logger.getLogger(Witness.class.getName());

    private final WitnessKey key;
    private final Map<String, VerifierKey> logs; // written under the lock, read by concurrent requests
    private final StateStore store;
    private final Clock clock;
    private final Map<String, LogView> views = new LinkedHashMap<>();
    private final WitnessMetrics metrics = new WitnessMetrics();

    /** What the witness holds for one log: the latest cosigned size and root, and what it refused. */
    record LogView(long size, byte[] root, String cosigned, List<StateStore.Refused> refused) {}

    /** A witness whose state lives in {@code dataDir} (the same directory as its key, or any other). */
    public static Witness open(WitnessKey key, List<LogConfig> logs, java.nio.file.Path dataDir, Clock clock)
            throws IOException {
        return new Witness(key, logs, new StateStore(dataDir), clock);
    }

    Witness(WitnessKey key, List<LogConfig> logs, StateStore store, Clock clock) throws IOException {
        this.key = key;
        this.store = store;
        this.clock = clock;
        this.logs = new java.util.concurrent.ConcurrentHashMap<>();
        for (LogConfig log : logs) {
            this.logs.put(log.origin(), VerifierKey.parse(log.verifierKey()));
            views.put(log.origin(), load(log.origin()));
        }
    }

    /** Starts witnessing another log (a key pinned on first use arrives after the server started). */
    public synchronized void addLog(LogConfig log) throws IOException {
        if (logs.containsKey(log.origin())) {
            throw new IllegalArgumentException("already witnessing " + log.origin());
        }
        logs.put(log.origin(), VerifierKey.parse(log.verifierKey()));
        views.put(log.origin(), load(log.origin()));
    }

    /** A log this witness witnesses: its origin line and the vkey its checkpoints must be signed with. */
    public record LogConfig(String origin, String verifierKey) {}

    public WitnessKey key() {
        return key;
    }

    WitnessMetrics metrics() {
        return metrics;
    }

    synchronized Map<String, LogView> views() {
        return Map.copyOf(views);
    }

    /** A copy of the refusals recorded for a log, oldest first (the shared list is only touched under the lock). */
    synchronized List<StateStore.Refused> refusals(String origin) {
        LogView view = views.get(origin);
        return view == null ? List.of() : List.copyOf(view.refused());
    }

    synchronized Optional<String> cosignedCheckpoint(String originHash) {
        return views.entrySet().stream()
                .filter(e -> StateStore.originHash(e.getKey()).equals(originHash))
                .map(e -> e.getValue().cosigned())
                .filter(c -> c != null)
                .findFirst();
    }

    /** Handles one request body; returns the cosignature line(s) or throws the refusal the spec prescribes. */
    public String addCheckpoint(byte[] body) {
        String request = utf8(body);
        int blank = request.indexOf("\n\n");
        if (blank < 0) {
            throw WitnessRefusal.malformed("no empty line after the old size and proof lines");
        }
        String[] header = request.substring(0, blank).split("\n", -1);
        if (!header[0].startsWith("old ")) {
            throw WitnessRefusal.malformed("the first line is not 'old <size>'");
        }
        long oldSize = Checkpoint.decimal(header[0].substring(4), "old size");
        if (header.length - 1 > MAX_PROOF_LINES) {
            throw WitnessRefusal.malformed("more than " + MAX_PROOF_LINES + " consistency proof lines");
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < header.length; i++) {
            try {
                proof.add(Base64.getDecoder().decode(header[i]));
            } catch (IllegalArgumentException e) {
                throw WitnessRefusal.malformed("a consistency proof line is not base64");
            }
        }
        String noteText = request.substring(blank + 2);
        Note note = Note.parse(noteText);
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        VerifierKey logKey = logs.get(checkpoint.origin());
        if (logKey == null) {
            metrics.refused("unknown", "WITNESS_UNKNOWN_LOG");
            throw new WitnessRefusal(
                    404, "WITNESS_UNKNOWN_LOG", "this witness does not witness " + checkpoint.origin());
        }
        VerifierKey.Verdict verdict = logKey.verify(note);
        if (verdict != VerifierKey.Verdict.VALID) {
            metrics.refused(checkpoint.origin(), "WITNESS_BAD_LOG_SIGNATURE");
            throw new WitnessRefusal(
                    403,
                    "WITNESS_BAD_LOG_SIGNATURE",
                    verdict == VerifierKey.Verdict.ABSENT
                            ? "no signature of the log's key"
                            : "the log's signature does not verify");
        }
        return check(oldSize, proof, note, checkpoint, request);
    }

    private synchronized String check(long oldSize, List<byte[]> proof, Note note, Checkpoint cp, String request) {
        LogView view = views.get(cp.origin());
        if (oldSize > cp.size()) {
            throw refuse(
                    cp,
                    request,
                    new WitnessRefusal(
                            400, "WITNESS_OLD_SIZE_ABOVE_CHECKPOINT", "old size " + oldSize + " exceeds " + cp.size()));
        }
        if (oldSize != view.size()) {
            metrics.refused(cp.origin(), "WITNESS_OLD_SIZE_MISMATCH");
            throw WitnessRefusal.oldSizeMismatch(oldSize, view.size());
        }
        if (cp.size() == 0 && !MessageDigest.isEqual(cp.root(), Hashes.emptyRoot())) {
            throw refuse(
                    cp,
                    request,
                    new WitnessRefusal(
                            422, "WITNESS_BAD_EMPTY_ROOT", "a checkpoint of size 0 must carry the empty tree's root"));
        }
        if (cp.size() == view.size()) {
            if (!MessageDigest.isEqual(cp.root(), view.root())) {
                throw refuse(
                        cp,
                        request,
                        new WitnessRefusal(
                                422,
                                "WITNESS_FORK_SAME_SIZE",
                                "size " + cp.size() + " was cosigned with another root"));
            }
            if (!proof.isEmpty()) {
                throw refuse(
                        cp,
                        request,
                        new WitnessRefusal(
                                422, "WITNESS_BAD_CONSISTENCY_PROOF", "a checkpoint of the size held needs no proof"));
            }
        } else if (oldSize == 0) {
            if (!proof.isEmpty()) {
                throw refuse(
                        cp,
                        request,
                        new WitnessRefusal(
                                422, "WITNESS_BAD_CONSISTENCY_PROOF", "from the empty tree the proof must be empty"));
            }
        } else if (!Consistency.verify(view.size(), view.root(), cp.size(), cp.root(), proof)) {
            throw refuse(
                    cp,
                    request,
                    new WitnessRefusal(
                            422,
                            "WITNESS_BAD_CONSISTENCY_PROOF",
                            "no consistency from size " + view.size() + " to " + cp.size()
                                    + ": a fork or a bad proof"));
        }
        long now = clock.instant().getEpochSecond();
        String cosignature = key.cosign(note.text(), Math.max(now, 1));
        String cosigned = note.text() + "\n" + ownLinesRemoved(note) + cosignature;
        try {
            store.replace(cp.origin(), cosigned);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist the cosigned checkpoint; not cosigning", e);
        }
        views.put(cp.origin(), new LogView(cp.size(), cp.root(), cosigned, view.refused()));
        metrics.cosigned(cp.origin());
        return cosignature;
    }

    private String ownLinesRemoved(Note note) {
        StringBuilder lines = new StringBuilder();
        for (Note.Signature s : note.signatures()) {
            if (!s.keyName().equals(key.name())) {
                lines.append(s.line()).append('\n');
            }
        }
        return lines.toString();
    }

    /** Records a refusal of a checkpoint the log really signed: it may be the evidence of a split view. */
    private WitnessRefusal refuse(Checkpoint cp, String request, WitnessRefusal refusal) {
        StateStore.Refused refused = new StateStore.Refused(
                clock.instant(), refusal.status(), refusal.code(), refusal.getMessage(), request);
        try {
            store.recordRefusal(cp.origin(), refused);
        } catch (IOException e) {
            LOG.severe("cannot record the refusal of " + cp.origin() + " size " + cp.size() + ": " + e);
        }
        views.get(cp.origin()).refused().add(refused);
        metrics.refused(cp.origin(), refusal.code());
        LOG.warning("REFUSED " + refusal.code() + " for " + cp.origin() + " size " + cp.size() + " root "
                + cp.rootBase64() + ": " + refusal.getMessage());
        return refusal;
    }

    private LogView load(String origin) throws IOException {
        List<StateStore.Refused> refused = new ArrayList<>(store.refusals(origin));
        Optional<String> latest = store.latest(origin);
        if (latest.isEmpty()) {
            return new LogView(0, Hashes.emptyRoot(), null, refused);
        }
        Checkpoint cp = Checkpoint.parse(Note.parse(latest.get()).text());
        return new LogView(cp.size(), cp.root(), latest.get(), refused);
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw WitnessRefusal.malformed("the request is not UTF-8");
        }
    }
}

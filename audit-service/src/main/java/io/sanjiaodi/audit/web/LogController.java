package io.sanjiaodi.audit.web;

import io.sanjiaodi.audit.checkpoint.CheckpointService;
import io.sanjiaodi.audit.checkpoint.SigningKey;
import io.sanjiaodi.audit.merkle.TilePath;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.audit.tiles.LogTiles;
import io.sanjiaodi.audit.witness.WitnessedCheckpoints;
import io.sanjiaodi.platform.Refusal;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The log at the C2SP tlog-tiles paths below {@code /api/audit/log} (README "Standard formats"):
 * checkpoint, hash tiles and the verifier key open to anyone (hashes only, like the JSON
 * checkpoints); entry bundles, which name events, actors and aggregates, for the root's auditors.
 */
@RestController
@RequestMapping("/api/audit/log")
class LogController {

    private static final MediaType TEXT = MediaType.parseMediaType("text/plain; charset=utf-8");
    private static final CacheControl IMMUTABLE =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    /** A partial tile is replaced by the full one as the log grows; a checkpoint changes every few seconds. */
    private static final CacheControl SHORT =
            CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic();
    /** Entry bundles answer a signed-in auditor: no shared cache may keep them. */
    private static final CacheControl PRIVATE =
            CacheControl.maxAge(Duration.ofDays(1)).cachePrivate();

    private final CheckpointService checkpoints;
    private final SigningKey key;
    private final LogTiles tiles;
    private final WitnessedCheckpoints witnessed;

    LogController(CheckpointService checkpoints, SigningKey key, LogTiles tiles, WitnessedCheckpoints witnessed) {
        this.checkpoints = checkpoints;
        this.key = key;
        this.tiles = tiles;
        this.witnessed = witnessed;
    }

    /**
     * The newest checkpoint that {@code audit.witnesses-required} witnesses cosigned, their cosignature
     * lines after the log's signature; 503 while none is, so a reader never gets a checkpoint nobody vouched for.
     */
    @GetMapping("/checkpoint")
    ResponseEntity<String> checkpoint() {
        String note = witnessed
                .newest()
                .map(WitnessedCheckpoints.Witnessed::note)
                .orElseThrow(() -> witnessed.required() == 0
                        ? Refusal.notFound("AUDIT_NO_CHECKPOINT", "no C2SP checkpoint has been signed yet")
                        : Refusal.unavailable(
                                "AUDIT_NOT_YET_WITNESSED",
                                "no checkpoint has been cosigned by " + witnessed.required() + " witness(es) yet"));
        return ResponseEntity.ok()
                .contentType(TEXT)
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(2)))
                .body(note);
    }

    /** {@code <name>+<hex key id>+<base64(0x01 || key)>}: what Go's note.NewVerifier and C2SP clients take. */
    @GetMapping("/verifier-key")
    ResponseEntity<String> verifierKey() {
        return ResponseEntity.ok().contentType(TEXT).body(key.noteKey().verifierKey() + "\n");
    }

    @GetMapping("/tile/{*path}")
    ResponseEntity<byte[]> tile(@PathVariable String path) {
        TilePath tile = LogTiles.parse(path.startsWith("/") ? path.substring(1) : path);
        byte[] body;
        if (tile.entries()) {
            if (!ReaderScope.current().seesSecurityEvents()) {
                throw Refusal.forbidden(
                        "AUDIT_ENTRIES_ROOT_AUDITORS_ONLY",
                        "entry bundles hold every jurisdiction's entries: for the root's auditors");
            }
            body = tiles.entryBundle(tile);
        } else {
            body = tiles.hashTile(tile);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .cacheControl(tile.entries() ? PRIVATE : tile.full() ? IMMUTABLE : SHORT)
                .body(body);
    }
}

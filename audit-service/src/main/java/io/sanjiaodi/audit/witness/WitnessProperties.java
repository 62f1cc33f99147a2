package io.sanjiaodi.audit.witness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The witnesses the log asks to cosign its checkpoints (README "Witnesses"). Kept apart from
 * {@code AuditProperties} under the same prefix, so that the witness settings have one home.
 *
 * @param witnesses         each witness's name (the key name of its cosignatures), its submission prefix URL
 *                          ({@code <url>/add-checkpoint}) and its verifier key
 *                          {@code <name>+<hex id>+base64(0x04 || Ed25519 key)} (or a file holding it)
 * @param witnessesRequired how many of them must have cosigned a checkpoint before
 *                          {@code GET /api/audit/log/checkpoint} serves it; the one default is in
 *                          audit-service.yml ({@code AUDIT_WITNESSES_REQUIRED})
 * @param cosignatureRefresh how old the newest cosignature of a witness may grow before the log asks it to
 *                          cosign the same checkpoint again (a quiet log's checkpoint stays fresh for readers
 *                          who check the cosignature's time), and how old a cosignature may arrive before it
 *                          is refused as stale; default in audit-service.yml ({@code AUDIT_COSIGNATURE_REFRESH})
 */
@ConfigurationProperties("audit")
public record WitnessProperties(List<Witness> witnesses, Integer witnessesRequired, Duration cosignatureRefresh) {

    /**
     * @param verifierKeyFile where to read the verifier key instead, when the witness publishes it in a
     *                        file (docker-compose.yml: the witness's public volume); read once, at start
     */
    public record Witness(String name, URI url, String verifierKey, Path verifierKeyFile) {
        public Witness {
            Objects.requireNonNull(name, "audit.witnesses[].name is not set");
            Objects.requireNonNull(url, "audit.witnesses[].url is not set for witness " + name);
            if (verifierKey == null && verifierKeyFile != null) {
                try {
                    verifierKey = Files.readString(verifierKeyFile).strip();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the key of witness " + name, e);
                }
            }
            Objects.requireNonNull(verifierKey, "audit.witnesses[].verifier-key is not set for witness " + name);
        }
    }

    public WitnessProperties {
        witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
        Objects.requireNonNull(witnessesRequired, "audit.witnesses-required is not set (audit-service.yml sets it)");
        if (witnessesRequired < 0) {
            throw new IllegalArgumentException("audit.witnesses-required cannot be negative");
        }
        Objects.requireNonNull(cosignatureRefresh, "audit.cosignature-refresh is not set (audit-service.yml sets it)");
        if (cosignatureRefresh.isNegative() || cosignatureRefresh.isZero()) {
            throw new IllegalArgumentException("audit.cosignature-refresh must be positive");
        }
        if (witnesses.stream().map(Witness::name).distinct().count() != witnesses.size()) {
            throw new IllegalArgumentException("two audit.witnesses have the same name");
        }
    }
}

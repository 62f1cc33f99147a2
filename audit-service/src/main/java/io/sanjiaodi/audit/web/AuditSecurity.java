package io.sanjiaodi.audit.web;

import static io.sanjiaodi.platform.security.Role.*;

import io.sanjiaodi.platform.security.AccessRule;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may read the audit trail (the root README's table): auditors, the supervision office and
 * the commission leadership, each within its jurisdiction and below ({@code ReaderScope}: lists,
 * history and exports filtered, a direct read of another jurisdiction's entry or aggregate 403
 * OUT_OF_SCOPE); entries of no jurisdiction only at the root. The security events (refused
 * requests) are for the root's auditors alone, on every endpoint. The log stays one tree over
 * every jurisdiction: the export gives the others' entries as leaf hashes so that it still
 * verifies, and the public key, the signed checkpoints and consistency proofs (hashes only) are
 * the same for everyone (checkpoints and key open, platform). The C2SP checkpoint, hash tiles and
 * verifier key below {@code /api/audit/log} are open too; its entry bundles are the root auditors'.
 */
@Component
class AuditSecurity implements AccessRule.Policy {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.of("GET", "/api/audit/security-events", AUDITOR),
                // entry bundles: every jurisdiction's entries, so the root's auditors alone (LogController)
                AccessRule.of("GET", "/api/audit/log/tile/entries/**", AUDITOR),
                AccessRule.of("GET", "/api/audit/**", AUDITOR, SUPERVISION_OFFICE, LEADERSHIP),
                AccessRule.of("POST", "/api/audit/verify", AUDITOR, SUPERVISION_OFFICE, LEADERSHIP));
    }
}

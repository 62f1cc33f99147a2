package io.sanjiaodi.audit.web;

import static io.sanjiaodi.platform.security.Role.*;

import io.sanjiaodi.platform.security.AccessRule;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may read the audit trail (the root README's table): auditors, the supervision office and
 * the commission leadership; the security events (refused requests) are for auditors alone. The
 * public key and the signed checkpoints are open by design (platform). The trail is one log over
 * every jurisdiction, so it is not cut by jurisdiction: proofs need all of it.
 */
@Component
class AuditSecurity implements AccessRule.Policy {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.of("GET", "/api/audit/security-events", AUDITOR),
                AccessRule.of("GET", "/api/audit/**", AUDITOR, SUPERVISION_OFFICE, LEADERSHIP),
                AccessRule.of("POST", "/api/audit/verify", AUDITOR, SUPERVISION_OFFICE, LEADERSHIP));
    }
}

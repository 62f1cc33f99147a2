package io.sanjiaodi.audit.query;

import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.verify.ExportRecord;
import io.sanjiaodi.contracts.Topics;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.Actor;
import io.sanjiaodi.platform.security.Actors;
import io.sanjiaodi.platform.security.Jurisdictions;
import io.sanjiaodi.platform.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What of the trail one reader sees: the entries whose jurisdiction lies in the reader's subtree
 * (platform {@link Actor#scope()}); entries without one (templates, registry, anything the log
 * could not place) only for a reader at the root; security events ({@code AccessDenied}) only
 * for the root's auditors. Readers not entitled to confidential sources get payloads without
 * them (defensive: no such role reads the trail today).
 *
 * @param field  {@link Actor.Scope#JURISDICTION} or {@link Actor.Scope#UNIT}: the entry field compared
 * @param values the values of {@code field} the reader sees (ignored at the root)
 */
public record ReaderScope(
        boolean root, String field, Set<String> values, boolean securityEvents, boolean confidentialSources) {

    /** Names of the payload fields that hold or seal a problem's source, wherever they are nested. */
    static final Set<String> SOURCE_FIELDS = Set.of("confidentialSource", "sealedSource");

    public ReaderScope {
        values = Set.copyOf(values);
    }

    public static ReaderScope of(Actor actor) {
        Actor.Scope scope = actor.scope();
        boolean root = Actor.Scope.JURISDICTION.equals(scope.field()) && Jurisdictions.isRoot(actor.jurisdictionId());
        return new ReaderScope(
                root, scope.field(), scope.values(), actor.is(Role.AUDITOR), actor.maySeeConfidentialSources());
    }

    /** The reader of the current request. */
    public static ReaderScope current() {
        return of(Actors.require());
    }

    /** Everything, sources included: the service's own view (verification, tests). */
    public static ReaderScope everything() {
        return new ReaderScope(true, Actor.Scope.JURISDICTION, Set.of(), true, true);
    }

    /** The refused requests of every jurisdiction are the root auditors' alone. */
    public boolean seesSecurityEvents() {
        return root && securityEvents;
    }

    public boolean sees(AuditEntry entry) {
        if (entry.securityEvent()) {
            return seesSecurityEvents();
        }
        if (root) {
            return true;
        }
        String value = Actor.Scope.UNIT.equals(field) ? entry.unitId() : entry.jurisdictionId();
        return value != null && values.contains(value);
    }

    /** Whether an aggregate of this jurisdiction (null: none known, the root's) is the reader's. */
    public boolean seesJurisdiction(String jurisdictionId) {
        return root
                || (jurisdictionId != null
                        && Actor.Scope.JURISDICTION.equals(field)
                        && values.contains(jurisdictionId));
    }

    /** {@code criteria} cut to what this reader sees, to apply before paging. */
    public Criteria and(Criteria criteria) {
        List<Criteria> cut = new ArrayList<>(List.of(criteria));
        if (!seesSecurityEvents()) {
            cut.add(Criteria.where("topic").ne(Topics.SECURITY_EVENTS));
            cut.add(Criteria.where("type").ne("AccessDenied"));
        }
        if (!root) {
            cut.add(Criteria.where(field).in(values));
        }
        return cut.size() == 1 ? criteria : new Criteria().andOperator(cut);
    }

    /**
     * A direct read of one entry: 404 for a security event to a reader who may not know of it, 403
     * {@code OUT_OF_SCOPE} (recorded as a refused access like every service's) for another
     * jurisdiction's entry.
     */
    public AuditEntry require(AuditEntry entry, String what) {
        if (entry.securityEvent() && !securityEvents) {
            throw Refusal.notFound("AUDIT_ENTRY_NOT_FOUND", "no audit entry " + entry.eventId());
        }
        Actors.requireScope(sees(entry), what);
        return entry;
    }

    /** Whether this reader gets the entry's payload other than as committed (sources removed). */
    public boolean redacts(AuditEntry entry) {
        return !confidentialSources && holdsSource(entry.payload());
    }

    /** The entry as this reader may read it: without confidential or sealed sources unless entitled. */
    public AuditEntry shown(AuditEntry entry) {
        return redacts(entry) ? entry.withPayload((Document) withoutSources(entry.payload())) : entry;
    }

    /** The entry's export line: in full where the reader reads it as committed, else its leaf hash only. */
    public Object exportLine(AuditEntry entry) {
        return sees(entry) && !redacts(entry) ? ExportRecord.of(entry) : ExportRecord.hashOnlyLine(entry);
    }

    public List<AuditEntry> shown(List<AuditEntry> entries) {
        return entries.stream().map(this::shown).toList();
    }

    private static boolean holdsSource(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (SOURCE_FIELDS.contains(String.valueOf(e.getKey())) || holdsSource(e.getValue())) {
                    return true;
                }
            }
        } else if (value instanceof Iterable<?> list) {
            for (Object item : list) {
                if (holdsSource(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A copy without the source fields; the stored document is never touched. */
    private static Object withoutSources(Object value) {
        if (value instanceof Map<?, ?> map) {
            Document copy = new Document();
            map.forEach((k, v) -> {
                if (!SOURCE_FIELDS.contains(String.valueOf(k))) {
                    copy.put(String.valueOf(k), withoutSources(v));
                }
            });
            return copy;
        }
        if (value instanceof Iterable<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(withoutSources(item)));
            return copy;
        }
        return value;
    }
}

package io.sanjiaodi.audit.completeness;

import io.sanjiaodi.audit.completeness.CompletenessReport.ForgedStatement;
import io.sanjiaodi.audit.completeness.CompletenessReport.MissingAggregate;
import io.sanjiaodi.audit.completeness.CompletenessReport.ProducerFinding;
import io.sanjiaodi.audit.completeness.ProducerStatements.Received;
import io.sanjiaodi.audit.ingest.AuditLog;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.contracts.CloudEventAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The log against every producer's statements: each position 1..n of the latest statement held,
 * the root over the held ids equal to the signed one, every stated aggregate head held with all
 * its earlier sequence numbers. What is short within the grace after the statement that showed it
 * is pending (the log may be behind), after it missing, by name: producer, positions, aggregate
 * and sequence ranges. Aggregates are named only to readers who see their jurisdiction.
 */
@Service
public class CompletenessChecker {

    static final int LIMIT = 100;
    private final ProducerIndex index;
    private final ProducerStatements statements;
    private final AuditLog log;
    private final CompletenessProperties properties;
    private final Clock clock;

    public CompletenessChecker(
            ProducerIndex index,
            ProducerStatements statements,
            AuditLog log,
            CompletenessProperties properties,
            Clock clock) {
        this.index = index;
        this.statements = statements;
        this.log = log;
        this.properties = properties;
        this.clock = clock;
    }

    public CompletenessReport check(ReaderScope scope) {
        Instant now = clock.instant();
        Instant graceEnd = now.minus(properties.grace());
        List<Received> forged = statements.forged();
        List<ProducerFinding> findings = new ArrayList<>();
        for (String producer : statements.producers()) {
            findings.add(check(producer, graceEnd, scope, forged));
        }
        List<ForgedStatement> named = forged.stream()
                .sorted(Comparator.comparing(Received::receivedAt).reversed())
                .limit(20)
                .map(f -> new ForgedStatement(
                        f.id(),
                        f.statement().producer(),
                        f.statement().size(),
                        f.reason(),
                        f.receivedAt().toString()))
                .toList();
        boolean ok = findings.stream()
                .allMatch(f -> f.status().equals("COMPLETE") || f.status().equals("PENDING"));
        return new CompletenessReport(ok, findings, named);
    }

    private ProducerFinding check(String producer, Instant graceEnd, ReaderScope scope, List<Received> forged) {
        Received latest = statements.latest(producer).orElseThrow();
        long stated = latest.statement().size();
        long due = statements
                .latestBefore(producer, graceEnd)
                .map(r -> r.statement().size())
                .orElse(0L);
        long logged = index.denseSize(producer);
        ProducerIndex.Missing short_ = index.missingPositions(producer, stated, 0);
        ProducerIndex.Missing overdue = index.missingPositions(producer, due, LIMIT);

        List<MissingAggregate> aggregates = new ArrayList<>();
        long aggregateCount = 0;
        long outside = 0;
        boolean headsPending = false;
        String source = CloudEventAttributes.SOURCE_PREFIX + producer;
        for (Map.Entry<String, ProducerStatements.StatedHead> head :
                statements.heads(producer).entrySet()) {
            List<ProducerIndex.SequenceRange> gaps = index.missingSequences(
                    producer, head.getKey(), head.getValue().sequence());
            if (gaps.isEmpty()) {
                continue;
            }
            if (!head.getValue().statedAt().isBefore(graceEnd)) {
                headsPending = true;
                continue;
            }
            aggregateCount++;
            if (!scope.seesJurisdiction(log.jurisdictionOf(source, head.getKey()))) {
                outside++;
            } else if (aggregates.size() < LIMIT) {
                aggregates.add(new MissingAggregate(
                        head.getKey(), head.getValue().sequence(), !index.knows(producer, head.getKey()), gaps));
            }
        }
        aggregates.sort(Comparator.comparing(MissingAggregate::aggregateId));

        byte[] root = index.root(producer, stated);
        boolean rootMatches =
                root == null || Sha256.hexEquals(root, latest.statement().rootHash());
        boolean lastWordForged = forged.stream()
                .anyMatch(f -> producer.equals(f.statement().producer())
                        && f.receivedAt().isAfter(latest.receivedAt()));
        String status;
        if (lastWordForged) {
            status = "FORGED";
        } else if (!rootMatches) {
            status = "ROOT_MISMATCH";
        } else if (overdue.count() > 0 || aggregateCount > 0) {
            status = "MISSING";
        } else if (short_.count() > 0 || headsPending) {
            status = "PENDING";
        } else {
            status = "COMPLETE";
        }
        return new ProducerFinding(
                producer,
                status,
                stated,
                latest.statement().rootHash(),
                latest.statement().time(),
                logged,
                overdue.positions(),
                overdue.count(),
                short_.count() - overdue.count(),
                aggregates,
                aggregateCount,
                outside);
    }

    /** The statement a proof is asked for, if any was accepted. */
    public Optional<Received> statement(String producer, Long size) {
        return statements.find(producer, size);
    }
}

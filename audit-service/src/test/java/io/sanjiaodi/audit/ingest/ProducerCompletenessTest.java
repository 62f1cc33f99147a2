package io.sanjiaodi.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.audit.completeness.CompletenessChecker;
import io.sanjiaodi.audit.completeness.CompletenessProperties;
import io.sanjiaodi.audit.completeness.CompletenessReport;
import io.sanjiaodi.audit.completeness.CompletenessReport.ProducerFinding;
import io.sanjiaodi.audit.completeness.ProducerIndex;
import io.sanjiaodi.audit.completeness.ProducerStatements;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.contracts.statement.ProducerStatement;
import io.sanjiaodi.platform.security.Actor;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The log checked against producer statements: a withheld event, a withheld aggregate and a
 * missing tail are named once the grace is over and pending before; a forged statement is refused
 * and named.
 */
class ProducerCompletenessTest extends CompletenessScenario {
    @Test
    void aWithheldEventIsPendingWithinTheGraceAndThenNamedByProducerPositionAndAggregate() {
        start();
        publish();
        logPositions(1, 2, 4, 5, 6); // position 3 (iv-1 sequence 1) withheld
        statements.receive("s-1", statement(6, producerKey));

        ProducerFinding pending = finding(ReaderScope.everything());
        assertThat(pending.status()).isEqualTo("PENDING");
        assertThat(pending.pendingPositions()).isEqualTo(1);
        assertThat(checker.check(ReaderScope.everything()).ok()).isTrue();

        clock.advance(Duration.ofSeconds(31));
        ProducerFinding missing = finding(ReaderScope.everything());
        assertThat(checker.check(ReaderScope.everything()).ok()).isFalse();
        assertThat(missing.status()).isEqualTo("MISSING");
        assertThat(missing.missingPositions()).containsExactly(3L);
        assertThat(missing.loggedSize()).isEqualTo(2);
        assertThat(missing.missingAggregates()).singleElement().satisfies(a -> {
            assertThat(a.aggregateId()).isEqualTo("iv-1");
            assertThat(a.whollyMissing()).isFalse();
            assertThat(a.missing()).containsExactly(new ProducerIndex.SequenceRange(1, 1));
        });
    }

    @Test
    void aWhollyWithheldAggregateIsNamedToItsJurisdictionAndCountedForOthers() {
        start();
        publish();
        logPositions(1, 2, 3, 4, 5); // iv-3 (position 6, fenghua) never arrives
        statements.receive("s-1", statement(6, producerKey));
        clock.advance(Duration.ofSeconds(31));

        ProducerFinding root = finding(ReaderScope.everything());
        assertThat(root.status()).isEqualTo("MISSING");
        assertThat(root.missingPositions()).as("the missing tail").containsExactly(6L);
        assertThat(root.missingAggregates()).singleElement().satisfies(a -> {
            assertThat(a.aggregateId()).isEqualTo("iv-3");
            assertThat(a.whollyMissing()).isTrue();
            assertThat(a.missing()).containsExactly(new ProducerIndex.SequenceRange(0, 0));
        });

        ReaderScope ningbo = new ReaderScope(false, Actor.Scope.JURISDICTION, Set.of("ningbo"), false, false);
        ProducerFinding below = finding(ningbo);
        assertThat(below.missingAggregates())
                .as("an aggregate of no known jurisdiction is the root's")
                .isEmpty();
        assertThat(below.missingAggregateCount()).isEqualTo(1);
        assertThat(below.aggregatesOutsideScope()).isEqualTo(1);
    }

    @Test
    void aMissingTailOfAKnownAggregateIsNamedWithItsSequenceRange() {
        start();
        publish();
        logPositions(1, 2, 3, 4); // iv-1 sequence 2 (position 5) and iv-3 lost at the tail
        statements.receive("s-1", statement(5, producerKey));
        clock.advance(Duration.ofSeconds(31));

        ProducerFinding finding = finding(ReaderScope.everything());
        assertThat(finding.status()).isEqualTo("MISSING");
        assertThat(finding.missingPositions()).containsExactly(5L);
        assertThat(finding.missingAggregates()).singleElement().satisfies(a -> {
            assertThat(a.aggregateId()).isEqualTo("iv-1");
            assertThat(a.statedHead()).isEqualTo(2);
            assertThat(a.missing()).containsExactly(new ProducerIndex.SequenceRange(2, 2));
        });
    }

    @Test
    void aStatementSignedWithAnotherKeyThanThePinnedOneIsRejectedAndNamed() {
        start();
        publish();
        logPositions(1, 2, 3, 4, 5, 6);
        assertThat(statements.receive("s-1", statement(6, producerKey)).verdict())
                .isEqualTo("ACCEPTED");
        clock.advance(Duration.ofSeconds(1));
        // a forger states a shorter stream (hiding the tail) with its own key, named as the producer's
        var forged = statements.receive("s-2", statement(4, ed25519()));
        assertThat(forged.verdict()).isEqualTo("FORGED");

        CompletenessReport report = checker.check(ReaderScope.everything());
        assertThat(report.ok()).isFalse();
        assertThat(report.forged()).singleElement().satisfies(f -> {
            assertThat(f.statementId()).isEqualTo("s-2");
            assertThat(f.producer()).isEqualTo(PRODUCER);
            assertThat(f.size()).isEqualTo(4);
        });
        ProducerFinding finding = finding(ReaderScope.everything());
        assertThat(finding.status()).isEqualTo("FORGED");
        assertThat(finding.statedSize())
                .as("the accepted statement still counts")
                .isEqualTo(6);

        ProducerStatement bad = statement(6, producerKey);
        ProducerStatement flipped = new ProducerStatement(
                bad.producer(), 7, bad.rootHash(), bad.time(), bad.heads(), bad.publicKey(), bad.signature());
        assertThat(statements.receive("s-3", flipped).verdict())
                .as("a changed field breaks the signature")
                .isEqualTo("FORGED");
    }

    @Test
    void positionsAndStatementsSurviveARestart() {
        start();
        publish();
        logPositions(1, 2, 4, 5, 6);
        statements.receive("s-1", statement(6, producerKey));
        clock.advance(Duration.ofSeconds(31));
        audit.restart();
        index = new ProducerIndex(audit.mongo);
        CompletenessProperties properties = CompletenessProperties.defaults();
        statements = new ProducerStatements(audit.mongo, properties, clock);
        checker = new CompletenessChecker(index, statements, audit.log, properties, clock);

        assertThat(finding(ReaderScope.everything()).missingPositions()).containsExactly(3L);
    }
}

package io.sanjiaodi.audit.completeness;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.sanjiaodi.contracts.Topics;
import io.sanjiaodi.contracts.statement.ProducerStatement;
import java.io.IOException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Receives the producers' statements in their own consumer group, so the audit log's group and
 * its single-threaded ordering are untouched; a statement is checked, not logged.
 */
@Component
class StatementListener {

    private final ProducerStatements statements;
    private final ObjectMapper json;

    StatementListener(ProducerStatements statements, ObjectMapper json) {
        this.statements = statements;
        this.json = json;
    }

    // started on the writer only (leader.AuditWriter)
    @KafkaListener(
            id = "audit-statements",
            autoStartup = "false",
            topics = Topics.STATEMENTS,
            groupId = "audit-service-statements")
    void on(CloudEvent event) {
        if (!ProducerStatement.TYPE.equals(event.getType()) || event.getData() == null) {
            throw new IllegalArgumentException("not a producer statement: " + event.getType()); // dead letter
        }
        ProducerStatement statement;
        try {
            statement = json.readValue(event.getData().toBytes(), ProducerStatement.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable producer statement " + event.getId(), e);
        }
        statements.receive(event.getId(), statement);
    }
}

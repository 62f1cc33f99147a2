package io.sanjiaodi.platform.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that an append hit the unique (aggregate, sequence) key: PostgreSQL's SQLSTATE 23505.
 * Axon's default JDBC resolver looks for {@code SQLIntegrityConstraintViolationException}, which the
 * PostgreSQL driver never throws, so without this a concurrent append would be a 500, not a 409.
 */
final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

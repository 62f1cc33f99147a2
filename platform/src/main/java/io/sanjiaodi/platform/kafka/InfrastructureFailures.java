package io.sanjiaodi.platform.kafka;

import com.mongodb.MongoException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells an outage of the database or the broker (wait and retry) from a bad event (dead-letter it). */
public final class InfrastructureFailures {

    private InfrastructureFailures() {}

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof EventStoreException
                    || t instanceof AxonTransientException
                    || t instanceof RetriableException
                    || t instanceof IOException
                    || t instanceof TimeoutException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLException sql && isOutageState(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's SQLSTATE classes for a server that is gone, shutting down, out of resources or
     * that aborted the transaction for a conflict (08, 57P, 53, 40): all over once it is back.
     */
    private static boolean isOutageState(String state) {
        return state != null
                && (state.startsWith("08")
                        || state.startsWith("57P")
                        || state.startsWith("53")
                        || state.startsWith("40"));
    }
}

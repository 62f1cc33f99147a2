package io.sanjiaodi.platform.kafka;

import com.mongodb.MongoException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/** Tells an outage of the database or the broker (wait and retry) from a bad event (dead-letter it). */
final class InfrastructureFailures {

    private InfrastructureFailures() {
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException || t instanceof EventStoreException
                    || t instanceof AxonTransientException || t instanceof RetriableException
                    || t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}

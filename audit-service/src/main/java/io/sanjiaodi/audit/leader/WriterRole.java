package io.sanjiaodi.audit.leader;

/**
 * Whether this instance may write the audit log now. Only one audit-service instance appends,
 * signs checkpoints and asks witnesses; the others are hot standbys (see {@link WriterLease}).
 */
public interface WriterRole {

    /** The role of a deployment with one instance and of tests: always the writer. */
    WriterRole ALWAYS = () -> true;

    boolean isWriter();

    /** Refuses a write on a standby (the container's error handler retries until the writer role is back or the listener stops). */
    default void requireWriter() {
        if (!isWriter()) {
            throw new NotTheWriter();
        }
    }

    /** A write asked of an instance that does not hold the writer lease (or whose lease ran out). */
    final class NotTheWriter extends IllegalStateException {
        public NotTheWriter() {
            super("this audit-service instance is a standby: another instance holds the writer lease");
        }
    }
}

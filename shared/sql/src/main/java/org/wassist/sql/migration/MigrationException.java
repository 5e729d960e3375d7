package org.wassist.sql.migration;

/** The migrations cannot be applied as they are; the message says what to do. Fails the deployment. */
public final class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}

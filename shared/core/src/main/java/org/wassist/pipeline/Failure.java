package org.wassist.pipeline;

/**
 * A failure with a user-facing {@link ErrorCode}. {@link Transient} failures are retried through the queue (and reach
 * the dead-letter queue when retries run out); {@link Permanent} ones are answered once and never retried.
 */
public abstract sealed class Failure extends RuntimeException permits Failure.Transient, Failure.Permanent {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    Failure(ErrorCode code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
    }

    Failure(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** Worth retrying: timeouts, throttling, 5xx, a store briefly unreachable. */
    public static final class Transient extends Failure {
        private static final long serialVersionUID = 1L;

        public Transient(ErrorCode code, String detail, Throwable cause) {
            super(code, detail, cause);
        }

        public Transient(ErrorCode code, String detail) {
            super(code, detail);
        }
    }

    /** Retrying cannot help: bad input, a refused request, missing configuration. */
    public static final class Permanent extends Failure {
        private static final long serialVersionUID = 1L;

        public Permanent(ErrorCode code, String detail, Throwable cause) {
            super(code, detail, cause);
        }

        public Permanent(ErrorCode code, String detail) {
            super(code, detail);
        }
    }
}

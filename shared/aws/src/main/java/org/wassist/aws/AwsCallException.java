package org.wassist.aws;

/**
 * An AWS call refused for a reason retrying cannot fix soon: missing permission, a queue, table or bucket that does
 * not exist, an invalid request. It carries the operation, the AWS error code, the HTTP status and the request id,
 * never the request or the provider's message text (which can quote parameter values such as chat ids).
 */
public final class AwsCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AwsCallException(String detail) {
        super(detail);
    }
}

package org.wassist.aws;

import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Maps SDK exceptions for the adapters: what retrying can fix (I/O errors and timeouts, throttling, 5xx, clock skew)
 * becomes {@link Failure.Transient}, so the queue redelivers the message; anything else an {@link AwsCallException}.
 * Neither keeps the SDK exception as its cause, whose message may quote request parameters.
 */
public final class AwsFailures {
    private AwsFailures() {}

    public static RuntimeException map(String operation, SdkException e) {
        String detail = operation + " failed: " + describe(e);
        if (retryable(e)) {
            return new Failure.Transient(ErrorCode.INTERNAL, detail);
        }
        return new AwsCallException(detail);
    }

    static boolean retryable(SdkException e) {
        if (e instanceof AwsServiceException s) {
            return s.isThrottlingException() || s.isClockSkewException() || s.statusCode() >= 500 || s.retryable();
        }
        return e instanceof SdkClientException || e.retryable();
    }

    static String describe(SdkException e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            return s.awsErrorDetails().errorCode() + " (HTTP " + s.statusCode() + ", request " + s.requestId() + ")";
        }
        return e.getClass().getSimpleName();
    }
}

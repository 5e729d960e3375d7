package org.wassist.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wassist.pipeline.Failure;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsFailuresTest {
    private static AwsServiceException service(int status, String code) {
        return AwsServiceException.builder()
                .statusCode(status)
                .requestId("req-1")
                .message("Value 491701234567@c.us for parameter MessageGroupId is invalid")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage("Value 491701234567@c.us is invalid")
                        .build())
                .build();
    }

    @Test
    void throttlingAndServerErrorsAreTransient() {
        assertThat(AwsFailures.map("op", service(400, "ThrottlingException"))).isInstanceOf(Failure.Transient.class);
        assertThat(AwsFailures.map("op", service(503, "ServiceUnavailable"))).isInstanceOf(Failure.Transient.class);
    }

    @Test
    void ioErrorsAreTransient() {
        assertThat(AwsFailures.map("op", SdkClientException.create("connect refused 10.0.0.1")))
                .isInstanceOf(Failure.Transient.class)
                .hasMessage("op failed: SdkClientException");
    }

    @Test
    void refusalsAreNotRetriedAndNeverQuoteTheProvidersMessage() {
        RuntimeException e = AwsFailures.map("SQS SendMessage", service(400, "InvalidParameterValue"));
        assertThat(e).isInstanceOf(AwsCallException.class);
        assertThat(e.getMessage())
                .isEqualTo("SQS SendMessage failed: InvalidParameterValue (HTTP 400, request req-1)")
                .doesNotContain("491701234567");
        assertThat(e.getCause()).isNull();
    }
}

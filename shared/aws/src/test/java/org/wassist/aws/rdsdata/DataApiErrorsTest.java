package org.wassist.aws.rdsdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wassist.aws.AwsCallException;
import org.wassist.pipeline.Failure;
import org.wassist.sql.SqlException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.rdsdata.model.BadRequestException;
import software.amazon.awssdk.services.rdsdata.model.ForbiddenException;
import software.amazon.awssdk.services.rdsdata.model.InternalServerErrorException;
import software.amazon.awssdk.services.rdsdata.model.RdsDataException;
import software.amazon.awssdk.services.rdsdata.model.StatementTimeoutException;

class DataApiErrorsTest {
    private static final String SQL = "INSERT INTO conversation_turn (chat_id) VALUES (:chat)";

    @Test
    void aRefusedStatementKeepsTheSqlStateButNoValue() {
        BadRequestException e = BadRequestException.builder()
                .message("ERROR: duplicate key value violates unique constraint \"x\"\n  Detail: Key (chat_id)="
                        + "(4915112345678@c.us) already exists.; SQLState: 23505")
                .statusCode(400)
                .build();
        RuntimeException mapped = DataApiErrors.map("ExecuteStatement", SQL, e);
        assertThat(mapped).isInstanceOf(SqlException.class).hasNoCause();
        assertThat(((SqlException) mapped).sqlState()).isEqualTo("23505");
        assertThat(mapped.getMessage())
                .isEqualTo("ExecuteStatement failed (SQLState 23505): INSERT INTO conversation_turn (chat_id) VALUES"
                        + " (:chat)")
                .doesNotContain("4915112345678");
    }

    @Test
    void serializationFailuresAndDeadlocksAreTransient() {
        for (String state : new String[] {"40001", "40P01"}) {
            BadRequestException e = BadRequestException.builder()
                    .message("ERROR: could not serialize access; SQLState: " + state)
                    .build();
            assertThat(DataApiErrors.map("ExecuteStatement", SQL, e)).isInstanceOf(Failure.Transient.class);
        }
    }

    @Test
    void throttling5xxTimeoutsAndNetworkErrorsAreTransient() {
        RdsDataException throttled = (RdsDataException) RdsDataException.builder()
                .statusCode(429)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ThrottlingException")
                        .build())
                .build();
        assertThat(DataApiErrors.map("ExecuteStatement", SQL, throttled)).isInstanceOf(Failure.Transient.class);
        InternalServerErrorException internal =
                InternalServerErrorException.builder().statusCode(500).build();
        assertThat(DataApiErrors.map("ExecuteStatement", SQL, internal)).isInstanceOf(Failure.Transient.class);
        StatementTimeoutException timeout =
                StatementTimeoutException.builder().statusCode(400).build();
        assertThat(DataApiErrors.map("ExecuteStatement", SQL, timeout)).isInstanceOf(Failure.Transient.class);
        assertThat(DataApiErrors.map("ExecuteStatement", SQL, SdkClientException.create("connection reset")))
                .isInstanceOf(Failure.Transient.class);
    }

    @Test
    void aForbiddenCallIsPermanent() {
        ForbiddenException forbidden = ForbiddenException.builder()
                .statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ForbiddenException")
                        .build())
                .build();
        assertThat(DataApiErrors.map("ExecuteStatement", SQL, forbidden)).isInstanceOf(AwsCallException.class);
    }

    @Test
    void findsTheSqlState() {
        assertThat(DataApiErrors.sqlState("ERROR: x\n  Position: 15; SQLState: 42P01"))
                .isEqualTo("42P01");
        assertThat(DataApiErrors.sqlState("no state")).isNull();
        assertThat(DataApiErrors.sqlState(null)).isNull();
    }
}

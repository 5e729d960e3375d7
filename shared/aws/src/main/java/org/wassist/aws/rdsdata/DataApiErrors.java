package org.wassist.aws.rdsdata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.wassist.aws.AwsFailures;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;
import org.wassist.sql.SqlException;
import org.wassist.sql.SqlStates;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rdsdata.model.BadRequestException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseUnavailableException;
import software.amazon.awssdk.services.rdsdata.model.StatementTimeoutException;
import software.amazon.awssdk.services.rdsdata.model.TransactionNotFoundException;

/**
 * Data API exceptions to the port's failures. A refused statement's message is PostgreSQL's, which can quote values
 * (a duplicate key, an invalid input), so only its SQLState is kept, with the statement's start; the SDK exception is
 * never attached. Throttling, 5xx, an unavailable database, a statement timeout, an expired transaction and
 * PostgreSQL's serialization and deadlock errors are {@link Failure.Transient}.
 */
final class DataApiErrors {
    private static final Pattern SQL_STATE = Pattern.compile("SQLState: ([0-9A-Z]{5})");

    private DataApiErrors() {}

    static RuntimeException map(String operation, String sql, SdkException e) {
        if (e instanceof BadRequestException || e instanceof DatabaseErrorException) {
            String state = sqlState(e.getMessage());
            String message = operation + " failed (SQLState " + state + "): " + SqlStates.label(sql);
            return SqlStates.isTransient(state)
                    ? new Failure.Transient(ErrorCode.INTERNAL, message)
                    : new SqlException(message, state);
        }
        if (e instanceof DatabaseUnavailableException
                || e instanceof StatementTimeoutException
                || e instanceof TransactionNotFoundException) {
            return new Failure.Transient(
                    ErrorCode.INTERNAL, operation + " failed: " + e.getClass().getSimpleName());
        }
        return AwsFailures.map(operation, e);
    }

    static @Nullable String sqlState(@Nullable String message) {
        if (message == null) {
            return null;
        }
        Matcher m = SQL_STATE.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}

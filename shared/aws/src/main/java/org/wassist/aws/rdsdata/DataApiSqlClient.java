package org.wassist.aws.rdsdata;

import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.wassist.sql.SqlClient;
import org.wassist.sql.SqlParams;
import org.wassist.sql.SqlRow;
import org.wassist.sql.SqlWork;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;

/**
 * The SQL port over the RDS Data API: one ExecuteStatement per statement (named parameters and type hints are the
 * Data API's own), BeginTransaction/CommitTransaction/RollbackTransaction around {@link #inTransaction}. Every call
 * waits out an Aurora resume ({@link ResumeRetry}). The client is the caller's to close.
 */
public final class DataApiSqlClient implements SqlClient {
    private final RdsDataClient client;
    private final DataApiSettings settings;
    private final ResumeRetry retry;

    public DataApiSqlClient(RdsDataClient client, DataApiSettings settings) {
        this(client, settings, ResumeRetry.standard());
    }

    DataApiSqlClient(RdsDataClient client, DataApiSettings settings, ResumeRetry retry) {
        this.client = client;
        this.settings = settings;
        this.retry = retry;
    }

    @Override
    public List<SqlRow> query(String sql, SqlParams params) {
        return DataApiRows.of(execute(sql, params, null));
    }

    @Override
    public long update(String sql, SqlParams params) {
        Long n = execute(sql, params, null).numberOfRecordsUpdated();
        return n == null ? 0 : n;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        String txId = call(
                "BeginTransaction",
                "BEGIN",
                () -> client.beginTransaction(b -> b.resourceArn(settings.clusterArn())
                                .secretArn(settings.secretArn())
                                .database(settings.database()))
                        .transactionId());
        T result;
        try {
            result = work.run(new Transaction(txId));
        } catch (RuntimeException | Error e) {
            rollback(txId, e);
            throw e;
        }
        try {
            call(
                    "CommitTransaction",
                    "COMMIT",
                    () -> client.commitTransaction(b -> b.resourceArn(settings.clusterArn())
                            .secretArn(settings.secretArn())
                            .transactionId(txId)));
        } catch (RuntimeException e) {
            rollback(txId, e);
            throw e;
        }
        return result;
    }

    private void rollback(String txId, Throwable cause) {
        try {
            call(
                    "RollbackTransaction",
                    "ROLLBACK",
                    () -> client.rollbackTransaction(b -> b.resourceArn(settings.clusterArn())
                            .secretArn(settings.secretArn())
                            .transactionId(txId)));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private ExecuteStatementResponse execute(String sql, SqlParams params, @Nullable String txId) {
        ExecuteStatementRequest.Builder request = ExecuteStatementRequest.builder()
                .resourceArn(settings.clusterArn())
                .secretArn(settings.secretArn())
                .database(settings.database())
                .sql(sql)
                .parameters(DataApiParams.of(params))
                .includeResultMetadata(true);
        if (txId != null) {
            request.transactionId(txId);
        }
        ExecuteStatementRequest built = request.build();
        return call("ExecuteStatement", sql, () -> client.executeStatement(built));
    }

    private <T> T call(String operation, String sql, Supplier<T> call) {
        try {
            return retry.call(operation, call);
        } catch (SdkException e) {
            throw DataApiErrors.map(operation, sql, e);
        }
    }

    /** The client handed to transactional work: every statement carries the transaction id. */
    private final class Transaction implements SqlClient {
        private final String txId;

        Transaction(String txId) {
            this.txId = txId;
        }

        @Override
        public List<SqlRow> query(String sql, SqlParams params) {
            return DataApiRows.of(execute(sql, params, txId));
        }

        @Override
        public long update(String sql, SqlParams params) {
            Long n = execute(sql, params, txId).numberOfRecordsUpdated();
            return n == null ? 0 : n;
        }

        @Override
        public <T> T inTransaction(SqlWork<T> work) {
            return work.run(this);
        }
    }
}

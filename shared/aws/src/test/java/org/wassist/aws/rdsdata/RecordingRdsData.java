package org.wassist.aws.rdsdata;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.BeginTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.BeginTransactionResponse;
import software.amazon.awssdk.services.rdsdata.model.CommitTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.CommitTransactionResponse;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.RollbackTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.RollbackTransactionResponse;

/**
 * The SDK's client interface, answering from a script: it records every request and answers BeginTransaction with
 * the failures it was given, in order. For unit tests of the client's call sequence; the real protocol runs in the ITs.
 */
final class RecordingRdsData implements RdsDataClient {
    final List<Object> requests = new ArrayList<>();
    final Deque<RuntimeException> failBegin = new ArrayDeque<>();
    final Deque<RuntimeException> failExecute = new ArrayDeque<>();

    @Override
    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
        requests.add(request);
        failIfScripted(failExecute);
        return ExecuteStatementResponse.builder().numberOfRecordsUpdated(1L).build();
    }

    @Override
    public BeginTransactionResponse beginTransaction(BeginTransactionRequest request) {
        requests.add(request);
        failIfScripted(failBegin);
        return BeginTransactionResponse.builder().transactionId("tx-1").build();
    }

    @Override
    public CommitTransactionResponse commitTransaction(CommitTransactionRequest request) {
        requests.add(request);
        return CommitTransactionResponse.builder()
                .transactionStatus("Transaction Committed")
                .build();
    }

    @Override
    public RollbackTransactionResponse rollbackTransaction(RollbackTransactionRequest request) {
        requests.add(request);
        return RollbackTransactionResponse.builder()
                .transactionStatus("Rollback Complete")
                .build();
    }

    static DatabaseResumingException resuming() {
        return DatabaseResumingException.builder().message("resuming").build();
    }

    private static void failIfScripted(Deque<RuntimeException> failures) {
        RuntimeException e = failures.pollFirst();
        if (e != null) {
            throw e;
        }
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}
}

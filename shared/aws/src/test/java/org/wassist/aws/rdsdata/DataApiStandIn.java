package org.wassist.aws.rdsdata;

import org.wassist.standins.dataapi.DataApiServer;
import org.wassist.standins.postgres.TestDatabase;
import org.wassist.standins.postgres.TestDatabases;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/** A fresh database behind the Data API stand-in, reached with the real SDK client: the deployed path, locally. */
final class DataApiStandIn implements AutoCloseable {
    static final DataApiSettings SETTINGS = new DataApiSettings(
            "arn:aws:rds:us-east-1:123456789012:cluster:wassist",
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:wassist-db-AbCdEf",
            "wassist");

    final TestDatabase db = TestDatabases.create();
    final DataApiServer server = DataApiServer.start(db.jdbcUrl());
    final RdsDataClient client = RdsDataClient.builder()
            .endpointOverride(server.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(Apache5HttpClient.create())
            .build();
    final DataApiSqlClient sql = new DataApiSqlClient(client, SETTINGS);

    @Override
    public void close() {
        client.close();
        server.close();
        db.close();
    }
}

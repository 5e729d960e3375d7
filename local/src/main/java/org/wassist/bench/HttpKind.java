package org.wassist.bench;

import java.net.URI;
import org.wassist.standins.StandIns;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SDK HTTP clients under comparison, and the three service clients built on one of them. */
enum HttpKind {
    URL_CONNECTION,
    APACHE5,
    CRT;

    SdkHttpClient newHttpClient() {
        return switch (this) {
            case URL_CONNECTION -> UrlConnectionHttpClient.builder().build();
            case APACHE5 -> Apache5HttpClient.builder().build();
            case CRT -> AwsCrtHttpClient.builder().build();
        };
    }

    /** SQS, DynamoDB and S3 clients sharing one HTTP client, pointed at the stand-ins. */
    record Clients(SdkHttpClient http, SqsClient sqs, DynamoDbClient ddb, S3Client s3) implements AutoCloseable {
        static Clients build(HttpKind kind, URI sqsEndpoint, URI ddbEndpoint, URI s3Endpoint) {
            SdkHttpClient http = kind.newHttpClient();
            var credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(StandIns.ACCESS_KEY, StandIns.SECRET_KEY));
            Region region = Region.US_EAST_1;
            SqsClient sqs = SqsClient.builder()
                    .region(region)
                    .credentialsProvider(credentials)
                    .httpClient(http)
                    .endpointOverride(sqsEndpoint)
                    .build();
            DynamoDbClient ddb = DynamoDbClient.builder()
                    .region(region)
                    .credentialsProvider(credentials)
                    .httpClient(http)
                    .endpointOverride(ddbEndpoint)
                    .build();
            S3Client s3 = S3Client.builder()
                    .region(region)
                    .credentialsProvider(credentials)
                    .httpClient(http)
                    .endpointOverride(s3Endpoint)
                    .forcePathStyle(true)
                    .build();
            return new Clients(http, sqs, ddb, s3);
        }

        @Override
        public void close() {
            sqs.close();
            ddb.close();
            s3.close();
            http.close();
        }
    }
}

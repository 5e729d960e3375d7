package org.wassist.standins.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ProxyIT {
    @TempDir
    Path dir;

    @Test
    void servesTheMediaBucketToSignedRequests() {
        try (S3Proxy proxy = S3Proxy.inMemory();
                S3Client s3 = client(proxy.endpoint(), S3Proxy.SECRET_KEY)) {
            s3.putObject(
                    b -> b.bucket(S3Proxy.MEDIA_BUCKET).key("a/b.ogg").contentType("audio/ogg"),
                    RequestBody.fromBytes(new byte[] {1, 2, 3}));
            var object = s3.getObjectAsBytes(b -> b.bucket(S3Proxy.MEDIA_BUCKET).key("a/b.ogg"));
            assertThat(object.asByteArray()).containsExactly(1, 2, 3);
            assertThat(object.response().contentType()).isEqualTo("audio/ogg");
        }
    }

    @Test
    void refusesAWrongSecret() {
        try (S3Proxy proxy = S3Proxy.inMemory();
                S3Client s3 = client(proxy.endpoint(), "not-the-secret")) {
            assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(S3Proxy.MEDIA_BUCKET)))
                    .isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
        }
    }

    @Test
    void durableObjectsSurviveARestart() {
        try (S3Proxy proxy = S3Proxy.durable(dir, 0);
                S3Client s3 = client(proxy.endpoint(), S3Proxy.SECRET_KEY)) {
            s3.putObject(b -> b.bucket(S3Proxy.MEDIA_BUCKET).key("kept"), RequestBody.fromString("x"));
        }
        try (S3Proxy proxy = S3Proxy.durable(dir, 0);
                S3Client s3 = client(proxy.endpoint(), S3Proxy.SECRET_KEY)) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket(S3Proxy.MEDIA_BUCKET).key("kept"))
                            .asUtf8String())
                    .isEqualTo("x");
        }
    }

    static S3Client client(URI endpoint, String secret) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Proxy.ACCESS_KEY, secret)))
                .httpClient(Apache5HttpClient.create())
                .build();
    }
}

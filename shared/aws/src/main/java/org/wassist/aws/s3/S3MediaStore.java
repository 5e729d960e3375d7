package org.wassist.aws.s3;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.wassist.aws.AwsFailures;
import org.wassist.media.MediaStore;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Media in an S3 bucket, one object per key, with its content type. */
public final class S3MediaStore implements MediaStore {
    /** S3's key limit. */
    public static final int MAX_KEY_BYTES = 1024;

    private static final String DEFAULT_TYPE = "application/octet-stream";

    private final S3Client s3;
    private final String bucket;

    public S3MediaStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        check(key);
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw AwsFailures.map("S3 PutObject", e);
        }
    }

    @Override
    public Optional<StoredMedia> get(String key) {
        check(key);
        try {
            ResponseBytes<GetObjectResponse> object =
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            String type = object.response().contentType();
            return Optional.of(new StoredMedia(object.asByteArray(), type == null ? DEFAULT_TYPE : type));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsFailures.map("S3 GetObject", e);
        }
    }

    @Override
    public void delete(String key) {
        check(key);
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw AwsFailures.map("S3 DeleteObject", e);
        }
    }

    private static void check(String key) {
        if (key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("media key must be 1.." + MAX_KEY_BYTES + " bytes of UTF-8");
        }
    }
}

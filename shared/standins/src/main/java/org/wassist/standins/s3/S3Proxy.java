package org.wassist.standins.s3;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.jspecify.annotations.Nullable;
import org.wassist.standins.Await;

/**
 * Embedded s3proxy on 127.0.0.1 with SigV4 authentication under fixed local credentials and the media bucket
 * {@value #MEDIA_BUCKET}. Objects live in memory, or in a directory that survives restarts.
 */
public final class S3Proxy implements AutoCloseable {
    public static final String MEDIA_BUCKET = "wassist-media";
    public static final String ACCESS_KEY = "wassist-local";
    public static final String SECRET_KEY = "wassist-local-secret";
    public static final String REGION = "us-east-1";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final org.gaul.s3proxy.S3Proxy proxy;
    private final URI endpoint;
    private boolean closed;

    private S3Proxy(org.gaul.s3proxy.S3Proxy proxy) {
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Objects in memory, on a free port. */
    public static S3Proxy inMemory() {
        return start(new TransientNio2BlobStore(), 0);
    }

    /** Objects kept in {@code dir} across restarts; {@code port} 0 picks a free one. */
    public static S3Proxy durable(Path dir, int port) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the s3proxy directory " + dir, e);
        }
        return start(new FilesystemNio2BlobStore(dir.toAbsolutePath().toString()), port);
    }

    private static S3Proxy start(BlobStore store, int port) {
        if (!store.containerExists(MEDIA_BUCKET)) {
            store.createContainer(MEDIA_BUCKET);
        }
        org.gaul.s3proxy.S3Proxy proxy = org.gaul.s3proxy.S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
        if (!Await.until(() -> "STARTED".equals(proxy.getState()), START_TIMEOUT)) {
            stopQuietly(proxy, null);
            throw new IllegalStateException("s3proxy did not reach STARTED within " + START_TIMEOUT);
        }
        return new S3Proxy(proxy);
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stopQuietly(proxy, endpoint);
        }
    }

    private static void stopQuietly(org.gaul.s3proxy.S3Proxy proxy, @Nullable URI endpoint) {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy at " + endpoint + " did not stop", e);
        }
    }
}

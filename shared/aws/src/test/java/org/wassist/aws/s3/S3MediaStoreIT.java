package org.wassist.aws.s3;

import org.wassist.aws.StandInClients;
import org.wassist.media.MediaStore;
import org.wassist.standins.s3.S3Proxy;
import org.wassist.testkit.media.MediaStoreContract;

class S3MediaStoreIT extends MediaStoreContract {
    private final S3MediaStore store = new S3MediaStore(StandInClients.get().s3(), S3Proxy.MEDIA_BUCKET);

    @Override
    protected MediaStore store() {
        return store;
    }
}

package org.wassist.aws;

import org.jspecify.annotations.Nullable;
import org.wassist.standins.StandIns;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

/** One {@link AwsClients} per test JVM, pointed at the shared stand-ins. */
public final class StandInClients {
    private static @Nullable AwsClients clients;

    private StandInClients() {}

    public static synchronized AwsClients get() {
        AwsClients c = clients;
        if (c == null) {
            c = AwsClients.withEndpoints(
                    Region.of(StandIns.REGION),
                    AwsBasicCredentials.create(StandIns.ACCESS_KEY, StandIns.SECRET_KEY),
                    new AwsClients.Endpoints(
                            StandIns.sqs().endpoint(),
                            StandIns.dynamodb().endpoint(),
                            StandIns.s3().endpoint()));
            clients = c;
        }
        return c;
    }
}

package org.wassist.local;

import org.wassist.bridge.http.ReadinessCheck;
import org.wassist.openai.OpenAiModelProbe;
import org.wassist.sql.SqlClient;
import org.wassist.sql.SqlParams;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The local run's readiness checks, shown on /readyz and on the simulator page. Details never hold secrets. */
final class LocalChecks {
    private LocalChecks() {}

    static ReadinessCheck database(SqlClient sql) {
        return ReadinessCheck.of("database", () -> {
            sql.query("SELECT 1", SqlParams.none());
            return ReadinessCheck.Result.passing("PostgreSQL answers");
        });
    }

    static ReadinessCheck queues(SqsClient sqs, String inboundUrl, String outboundUrl) {
        return ReadinessCheck.of("queues", () -> {
            for (String url : new String[] {inboundUrl, outboundUrl}) {
                sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN));
            }
            return ReadinessCheck.Result.passing("inbound and outbound queues reachable");
        });
    }

    static ReadinessCheck model(OpenAiModelProbe probe) {
        return ReadinessCheck.of("model", () -> {
            OpenAiModelProbe.Result r = probe.check();
            return r.ready() ? ReadinessCheck.Result.passing(r.detail()) : ReadinessCheck.Result.failing(r.detail());
        });
    }
}

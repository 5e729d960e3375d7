package org.wassist.infra.stacks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wassist.infra.config.InfraConfig;
import org.wassist.infra.constructs.AuroraDatabase;
import org.wassist.infra.constructs.FifoQueueWithDlq;
import org.wassist.infra.constructs.Iam;
import org.wassist.infra.constructs.Logs;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.EventSourceMappingOptions;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The router function: consumes the inbound FIFO queue through its {@code live} alias (SnapStart snapshots exist
 * only for published versions), answers chats and commands, and puts replies on the outbound queue.
 */
public final class FunctionsStack extends Stack {
    public static final String ROUTER_HANDLER = "org.wassist.router.RouterHandler::handleRequest";
    public static final String ALIAS = "live";
    /** LocalStack's free tier has no Aurora: the router gets these names, and memory calls fail there. */
    public static final String LOCALSTACK_CLUSTER_ARN = "arn:aws:rds:us-east-1:000000000000:cluster:wassist-local";

    public static final String LOCALSTACK_SECRET_ARN =
            "arn:aws:secretsmanager:us-east-1:000000000000:secret:wassist-local-db";

    private final Function router;
    private final Alias live;
    private final LogGroup routerLogs;

    public FunctionsStack(
            Construct scope,
            String id,
            StackProps props,
            InfraConfig config,
            MessagingStack messaging,
            DataStack data) {
        super(scope, id, props);
        AuroraDatabase db = data.database();
        Database database = db == null
                ? new Database(LOCALSTACK_CLUSTER_ARN, LOCALSTACK_SECRET_ARN)
                : new Database(db.clusterArn(), db.secret().getSecretArn());
        this.routerLogs = Logs.group(
                this, "RouterLogs", config.logRetentionDays(), config.removal().rebuildable());
        this.router = routerFunction(
                config,
                role(routerLogs, messaging, data, database),
                routerLogs,
                environment(config, messaging, data, database));
        this.live = Alias.Builder.create(this, "Live")
                .aliasName(ALIAS)
                .version(router.getCurrentVersion())
                .build();
        consumeInbound(config.router(), messaging);
        CfnOutput.Builder.create(this, "RouterFunctionName")
                .value(router.getFunctionName())
                .build();
        CfnOutput.Builder.create(this, "RouterAliasArn")
                .value(live.getFunctionArn())
                .build();
    }

    /** The inbound queue invokes the alias, at most {@code workers} chats at once, and learns which messages failed. */
    private void consumeInbound(InfraConfig.Router settings, MessagingStack messaging) {
        live.addEventSourceMapping(
                "InboundQueue",
                EventSourceMappingOptions.builder()
                        .eventSourceArn(messaging.inbound().getQueueArn())
                        .batchSize(settings.batchSize())
                        .reportBatchItemFailures(true)
                        .maxConcurrency(settings.workers())
                        .build());
    }

    /** The database the router reaches through the Data API. */
    private record Database(String clusterArn, String secretArn) {}

    private Function routerFunction(InfraConfig config, Role role, LogGroup logs, Map<String, String> env) {
        InfraConfig.Router settings = config.router();
        Function fn = Function.Builder.create(this, "Router")
                .description("WAssist router: inbound WhatsApp messages to replies")
                .runtime(Runtime.JAVA_21)
                .architecture(settings.arch().lambda())
                .handler(ROUTER_HANDLER)
                .code(Code.fromAsset(config.assets().routerJar().toString()))
                .memorySize(settings.memoryMb())
                .timeout(Duration.seconds(settings.timeoutSeconds()))
                .snapStart(settings.snapStart() ? SnapStartConf.ON_PUBLISHED_VERSIONS : null)
                .reservedConcurrentExecutions(settings.reserveConcurrency() ? settings.workers() : null)
                .role(role)
                .logGroup(logs)
                .environment(env)
                .build();
        if (settings.snapStart()) {
            Annotations.of(fn)
                    .acknowledgeWarning(
                            "@aws-cdk/aws-lambda:snapStartRequirePublish",
                            "every deployment publishes a version and the event source invokes it via the alias");
        }
        return fn;
    }

    /** Exactly what the router does: consume inbound, send outbound, the idempotency items, the database, secrets. */
    private Role role(LogGroup logs, MessagingStack messaging, DataStack data, Database db) {
        Role role = Iam.lambdaRole(this, "RouterRole", logs);
        role.addToPrincipalPolicy(Iam.allow(
                List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
                List.of(messaging.inbound().getQueueArn())));
        role.addToPrincipalPolicy(Iam.allow(
                List.of("sqs:SendMessage"), List.of(messaging.outbound().getQueueArn())));
        role.addToPrincipalPolicy(Iam.allow(
                List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"),
                List.of(data.idempotency().getTableArn())));
        role.addToPrincipalPolicy(Iam.dataApi(db.clusterArn()));
        role.addToPrincipalPolicy(
                Iam.readSecrets(List.of(db.secretArn(), data.appSecret().getSecretArn())));
        return role;
    }

    /** The operator's settings plus the names the deployment owns (these win; AppSettings refuses overlaps). */
    private static Map<String, String> environment(
            InfraConfig config, MessagingStack messaging, DataStack data, Database db) {
        Map<String, String> env = new LinkedHashMap<>(config.appSettings());
        env.put("OUTBOUND_QUEUE_URL", messaging.outbound().getQueueUrl());
        env.put("IDEMPOTENCY_TABLE", data.idempotency().getTableName());
        env.put("DB_CLUSTER_ARN", db.clusterArn());
        env.put("DB_SECRET_ARN", db.secretArn());
        env.put("DB_NAME", config.db().name());
        env.put("APP_SECRET_ARN", data.appSecret().getSecretArn());
        env.put("INBOUND_MAX_RECEIVES", String.valueOf(FifoQueueWithDlq.MAX_RECEIVE_COUNT));
        env.put("JAVA_TOOL_OPTIONS", config.router().javaToolOptions());
        return env;
    }

    public Function router() {
        return router;
    }

    public Alias live() {
        return live;
    }

    /** The router's JSON log lines (shared/logging); the error-reply metric filter reads them. */
    public LogGroup routerLogs() {
        return routerLogs;
    }
}

package org.wassist.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.wassist.infra.config.InfraConfig;
import org.wassist.infra.stacks.BridgeStack;
import org.wassist.infra.stacks.DataStack;
import org.wassist.infra.stacks.FunctionsStack;
import org.wassist.infra.stacks.MessagingStack;
import org.wassist.infra.stacks.NetworkStack;
import org.wassist.infra.stacks.ObservabilityStack;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AspectOptions;
import software.amazon.awscdk.AspectPriority;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/** Builds the stacks for one deployment. On LocalStack only messaging, storage and the router are deployed. */
public final class WassistApp {
    public static final String TAG = "app";
    public static final String TAG_VALUE = "wassist";

    /** The stacks; the optional ones are null on LocalStack. */
    public record Stacks(
            @Nullable NetworkStack network,
            DataStack data,
            MessagingStack messaging,
            FunctionsStack functions,
            @Nullable BridgeStack bridge,
            @Nullable ObservabilityStack observability) {
        public List<Stack> all() {
            List<Stack> all = new ArrayList<>();
            for (Stack s : new Stack[] {network, data, messaging, functions, bridge, observability}) {
                if (s != null) {
                    all.add(s);
                }
            }
            return all;
        }
    }

    private WassistApp() {}

    public static Stacks build(App app, InfraConfig config) {
        applyToEveryResource(app, config);
        String p = config.stackPrefix();
        NetworkStack network = config.fullDeployment()
                ? new NetworkStack(app, p + "-Network", props(config, "network", "VPC without NAT gateways"))
                : null;
        DataStack data = new DataStack(
                app,
                p + "-Data",
                props(config, "data", "Aurora, DynamoDB, S3, app secret"),
                config,
                network == null ? null : network.vpc());
        MessagingStack messaging =
                new MessagingStack(app, p + "-Messaging", props(config, "messaging", "FIFO queues"), config);
        FunctionsStack functions = new FunctionsStack(
                app, p + "-Functions", props(config, "functions", "router function"), config, messaging, data);
        Stacks core = new Stacks(network, data, messaging, functions, null, null);
        Stacks stacks = network == null ? core : withBridgeAndAlarms(app, config, network, core);
        outputs(messaging, data);
        return stacks;
    }

    /** The tags, and the aspects that give every resource a removal policy and every function a log group. */
    private static void applyToEveryResource(App app, InfraConfig config) {
        Tags.of(app).add(TAG, TAG_VALUE);
        Tags.of(app).add("deployment", config.stackPrefix());
        AspectOptions mutating =
                AspectOptions.builder().priority(AspectPriority.MUTATING).build();
        Aspects.of(app).add(new DefaultRemovalPolicy(config.removal().rebuildable()), mutating);
        Aspects.of(app)
                .add(
                        new HandlerLogGroups(
                                config.logRetentionDays(), config.removal().rebuildable()),
                        mutating);
    }

    /** The parts only real AWS has: the bridge on Fargate (in the VPC), and the alarms that watch everything. */
    private static Stacks withBridgeAndAlarms(App app, InfraConfig config, NetworkStack network, Stacks core) {
        String p = config.stackPrefix();
        BridgeStack bridge = new BridgeStack(
                app,
                p + "-Bridge",
                props(config, "bridge", "WhatsApp bridge on Fargate"),
                config,
                network.vpc(),
                core.messaging(),
                core.data());
        ObservabilityStack observability = new ObservabilityStack(
                app,
                p + "-Observability",
                props(config, "observability", "alarms and dashboard"),
                config,
                core.messaging(),
                core.functions(),
                bridge,
                core.data());
        return new Stacks(network, core.data(), core.messaging(), core.functions(), bridge, observability);
    }

    private static void outputs(MessagingStack messaging, DataStack data) {
        output(messaging, "InboundQueueUrl", messaging.inbound().getQueueUrl());
        output(messaging, "OutboundQueueUrl", messaging.outbound().getQueueUrl());
        output(data, "AppSecretName", data.appSecret().getSecretName());
        output(data, "AppSecretArn", data.appSecret().getSecretArn());
        output(data, "MediaBucketName", data.media().getBucketName());
        output(data, "IdempotencyTableName", data.idempotency().getTableName());
        var db = data.database();
        if (db != null) {
            output(data, "DbClusterArn", db.clusterArn());
        }
    }

    private static void output(Stack stack, String id, String value) {
        CfnOutput.Builder.create(stack, id).value(value).build();
    }

    private static StackProps props(InfraConfig config, String concern, String what) {
        StackProps.Builder b = StackProps.builder()
                .description("WAssist " + concern + ": " + what)
                .tags(Map.of(TAG, TAG_VALUE, "deployment", config.stackPrefix(), "component", concern));
        Environment env = environment(config);
        if (env != null) {
            b.env(env);
        }
        return b.build();
    }

    /** Context first, then what the CDK CLI found in the credentials; neither: an environment-agnostic synth. */
    static @Nullable Environment environment(InfraConfig config) {
        String account = config.account() != null ? config.account() : System.getenv("CDK_DEFAULT_ACCOUNT");
        String region = config.region() != null ? config.region() : System.getenv("CDK_DEFAULT_REGION");
        if (account == null && region == null) {
            return null;
        }
        return Environment.builder().account(account).region(region).build();
    }
}

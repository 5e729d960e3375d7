package org.wassist.infra.constructs;

import java.util.List;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

/**
 * Least-privilege IAM: every permission names its actions and its resources explicitly (no {@code *}), rather than
 * the broader grant helpers (which add e.g. DescribeSecret or GetQueueUrl) or managed policies.
 */
public final class Iam {
    private Iam() {}

    public static PolicyStatement allow(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(actions)
                .resources(resources)
                .build();
    }

    /** A Lambda execution role that may write to its own log group and nothing else (yet). */
    public static Role lambdaRole(Construct scope, String id, ILogGroup logs) {
        Role role = Role.Builder.create(scope, id)
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        allowLogs(role, logs);
        return role;
    }

    static void allowLogs(IRole role, ILogGroup logs) {
        role.addToPrincipalPolicy(
                allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), List.of(logs.getLogGroupArn())));
    }

    /** The Data API calls the SQL port makes (statements and transactions; no batches), on one cluster. */
    public static PolicyStatement dataApi(String clusterArn) {
        return allow(
                List.of(
                        "rds-data:ExecuteStatement",
                        "rds-data:BeginTransaction",
                        "rds-data:CommitTransaction",
                        "rds-data:RollbackTransaction"),
                List.of(clusterArn));
    }

    /** Reading the given secrets' values. */
    public static PolicyStatement readSecrets(List<String> secretArns) {
        return allow(List.of("secretsmanager:GetSecretValue"), secretArns);
    }
}

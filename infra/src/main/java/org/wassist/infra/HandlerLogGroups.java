package org.wassist.infra;

import org.wassist.infra.constructs.Logs;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.IConstruct;

/**
 * Gives every Lambda function without a log group of its own one with the deployment's retention. Our functions
 * set theirs ({@link Logs}); the handlers CDK adds by itself (the custom resource that strips the VPC's default
 * security group, the bucket's auto-delete handler) do not, and Lambda would create a group on first write that
 * keeps its logs forever.
 */
final class HandlerLogGroups implements IAspect {
    static final String LOG_GROUP_SUFFIX = "Logs";

    private final int retentionDays;
    private final RemovalPolicy removal;

    HandlerLogGroups(int retentionDays, RemovalPolicy removal) {
        this.retentionDays = retentionDays;
        this.removal = removal;
    }

    @Override
    public void visit(IConstruct node) {
        if (!(node instanceof CfnResource resource) || !"AWS::Lambda::Function".equals(resource.getCfnResourceType())) {
            return;
        }
        if (resource instanceof CfnFunction function && function.getLoggingConfig() != null) {
            return;
        }
        Stack stack = Stack.of(resource);
        String id = Names.uniqueId(resource) + LOG_GROUP_SUFFIX;
        if (stack.getNode().tryFindChild(id) != null) {
            return;
        }
        LogGroup logs = Logs.group(stack, id, retentionDays, removal);
        resource.addPropertyOverride("LoggingConfig.LogGroup", logs.getLogGroupName());
        resource.getNode().addDependency(logs);
    }
}

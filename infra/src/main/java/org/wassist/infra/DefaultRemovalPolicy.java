package org.wassist.infra;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.RemovalPolicy;
import software.constructs.IConstruct;

/**
 * Gives every resource that has no removal policy yet the deployment's policy for rebuildable resources, so no
 * resource is left to CloudFormation's default. Data stores set theirs explicitly before this runs.
 */
final class DefaultRemovalPolicy implements IAspect {
    private final RemovalPolicy policy;

    DefaultRemovalPolicy(RemovalPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void visit(IConstruct node) {
        if (node instanceof CfnResource resource && resource.getCfnOptions().getDeletionPolicy() == null) {
            resource.applyRemovalPolicy(policy);
        }
    }
}

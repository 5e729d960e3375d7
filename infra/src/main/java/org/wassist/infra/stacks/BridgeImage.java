package org.wassist.infra.stacks;

import java.util.ArrayList;
import java.util.List;
import org.wassist.infra.config.InfraConfig;
import software.amazon.awscdk.IgnoreMode;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.ContainerImage;

/**
 * The bridge's image, built from whatsapp-bridge/Dockerfile with the repository root as the build context, at deploy
 * time and for the task's architecture; synthesis only hashes the context, it needs no Docker.
 */
final class BridgeImage {
    private BridgeImage() {}

    static ContainerImage of(InfraConfig config) {
        return ContainerImage.fromAsset(
                config.assets().bridgeContext().toString(),
                AssetImageProps.builder()
                        .file(config.assets().bridgeDockerfile())
                        .platform(Platform.custom(config.bridge().arch().dockerPlatform()))
                        .exclude(contextExcludes(config.assets()))
                        .ignoreMode(IgnoreMode.DOCKER)
                        .build());
    }

    /** The build context is the repository root minus everything but the Dockerfile and what it copies. */
    static List<String> contextExcludes(InfraConfig.Assets assets) {
        List<String> excludes = new ArrayList<>(List.of("**", "!" + assets.bridgeDockerfile()));
        for (String source : assets.bridgeSources()) {
            excludes.add("!" + source);
            excludes.add("!" + source + "/**");
        }
        return excludes;
    }
}

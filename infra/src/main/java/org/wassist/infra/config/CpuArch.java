package org.wassist.infra.config;

import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.lambda.Architecture;

/** The processor architecture of a function or task; ARM (Graviton) is about 20% cheaper for the same size. */
public enum CpuArch {
    ARM64,
    X86_64;

    public Architecture lambda() {
        return this == ARM64 ? Architecture.ARM_64 : Architecture.X86_64;
    }

    public CpuArchitecture ecs() {
        return this == ARM64 ? CpuArchitecture.ARM64 : CpuArchitecture.X86_64;
    }

    /** The Docker platform the bridge image is built for. */
    public String dockerPlatform() {
        return this == ARM64 ? "linux/arm64" : "linux/amd64";
    }
}

package org.wassist.testkit.lambda;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How AWS's managed Java runtime launches a function, as far as a local launch can copy it: the runtime interface
 * client's jars (found through the test classpath) before the function's jar, the runtime's JVM flags, and the
 * environment variables Lambda sets.
 */
final class ManagedRuntime {
    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** One class from each jar the runtime interface client needs: itself, serialization, core, utils-lite. */
    static final List<String> RIC_JAR_CLASSES = List.of(
            RIC_MAIN,
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
            "com.amazonaws.services.lambda.runtime.Context",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal");

    /** See {@link LambdaProcess#LAMBDA_JVM_FLAGS}. */
    static final List<String> JVM_FLAGS = List.of(
            "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "-Djava.net.preferIPv4Stack=true",
            "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");

    /** What varies between launches. */
    record Function(String name, String handler, int memoryMb, boolean snapStart) {}

    private ManagedRuntime() {}

    /** The java command: this JDK's java, the flags, the temp directory, the classpath and the runtime's main class. */
    static List<String> command(Function fn, List<String> jvmFlags, Path tmp, List<Path> classpathAfterRuntime) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-Djava.io.tmpdir=" + tmp);
        List<String> classpath = new ArrayList<>();
        runtimeJars().forEach(p -> classpath.add(p.toString()));
        classpathAfterRuntime.forEach(p -> classpath.add(p.toAbsolutePath().toString()));
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classpath), RIC_MAIN, fn.handler()));
        return command;
    }

    /** The variables Lambda sets for the function, pointing the runtime at {@code runtimeApi}. */
    static Map<String, String> environment(Function fn, String runtimeApi, String region, Path taskRoot) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        e.put("AWS_LAMBDA_FUNCTION_NAME", fn.name());
        e.put("AWS_LAMBDA_FUNCTION_VERSION", fn.snapStart() ? "1" : "$LATEST");
        e.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(fn.memoryMb()));
        e.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + fn.name());
        e.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        e.put("AWS_LAMBDA_INITIALIZATION_TYPE", fn.snapStart() ? "snap-start" : "on-demand");
        e.put("AWS_REGION", region);
        e.put("AWS_DEFAULT_REGION", region);
        e.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        e.put("_HANDLER", fn.handler());
        e.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        e.put("TZ", ":UTC");
        e.put("LANG", "en_US.UTF-8");
        return e;
    }

    /** The jars of the runtime interface client, located through the test classpath. */
    static List<Path> runtimeJars() {
        List<Path> jars = new ArrayList<>();
        for (String name : RIC_JAR_CLASSES) {
            try {
                Class<?> c = Class.forName(name, false, ManagedRuntime.class.getClassLoader());
                Path jar = Path.of(
                        c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (!jars.contains(jar)) {
                    jars.add(jar);
                }
            } catch (ClassNotFoundException | URISyntaxException | RuntimeException e) {
                throw new IllegalStateException(
                        "cannot locate " + name + " on the test classpath: add"
                                + " com.amazonaws:aws-lambda-java-runtime-interface-client in test scope",
                        e);
            }
        }
        return jars;
    }
}

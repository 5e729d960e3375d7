package org.wassist.logging;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.MDC;

/**
 * The logging context of one Lambda invocation: puts {@value #REQUEST_ID} (the invocation's request id) and
 * {@value #COLD_START} ({@code true} for the first invocation in this process) into the MDC, so every line logged
 * while handling it carries them; {@link #close()} removes them.
 *
 * <pre>{@code
 * try (var log = InvocationLog.begin(context.getAwsRequestId())) {
 *     ... handle the event ...
 * }
 * }</pre>
 */
public final class InvocationLog implements AutoCloseable {
    public static final String REQUEST_ID = "requestId";
    public static final String COLD_START = "coldStart";

    private static final AtomicBoolean FIRST = new AtomicBoolean(true);

    private InvocationLog() {}

    public static InvocationLog begin(String requestId) {
        MDC.put(REQUEST_ID, requestId);
        MDC.put(COLD_START, Boolean.toString(FIRST.getAndSet(false)));
        return new InvocationLog();
    }

    @Override
    public void close() {
        MDC.remove(REQUEST_ID);
        MDC.remove(COLD_START);
    }
}

package org.wassist.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Writes a few log lines full of made-up personal data through the real logging stack, so an operator (or a test) can
 * see in a packaged jar that lines are JSON and redacted: {@code java -cp <jar> org.wassist.logging.LoggingSelfCheck}.
 * Every line should show only {@code [phone]}, {@code [jid]}, {@code [email]}, {@code [secret]} and {@code [nric]}.
 */
public final class LoggingSelfCheck {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingSelfCheck.class);

    /** Example values from libphonenumber's metadata and documentation ranges; none belongs to a real person. */
    static final String PHONE = "+65 8123 4567";

    static final String JID = "6581234567@c.us";
    static final String EMAIL = "someone@example.com";
    static final String KEY = "sk-proj-EXAMPLEexample0123456789abcdef";
    static final String NRIC = "S1234567D";

    private LoggingSelfCheck() {}

    public static void main(String[] args) {
        InvocationLog invocation = InvocationLog.begin("00000000-0000-4000-8000-000000000000");
        MDC.put("chat", JID);
        try {
            LOG.info("self-check phone={} jid={} email={} key={} nric={}", PHONE, JID, EMAIL, KEY, NRIC);
            LOG.error("self-check failure", new IllegalStateException("upstream rejected " + PHONE + " " + EMAIL));
        } finally {
            MDC.remove("chat");
            invocation.close();
        }
    }
}

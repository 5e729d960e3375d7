package org.wassist.local;

/** One line that says why the local run could not start: each message in the cause chain, outermost first. */
final class StartFailure {
    static final int MAX_CAUSES = 5;

    private StartFailure() {}

    static String describe(Throwable failure) {
        StringBuilder sb = new StringBuilder();
        Throwable t = failure;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
            if (i > 0) {
                sb.append(" <- ");
            }
            String message = t.getMessage();
            sb.append(message == null || message.isBlank() ? t.getClass().getSimpleName() : message);
        }
        return sb.toString();
    }
}

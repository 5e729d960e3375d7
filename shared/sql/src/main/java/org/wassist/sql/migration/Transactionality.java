package org.wassist.sql.migration;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a migration can run inside a transaction; PostgreSQL refuses a few statements there. */
enum Transactionality {
    TRANSACTIONAL,
    NON_TRANSACTIONAL;

    private static final Pattern OUTSIDE_TRANSACTION = Pattern.compile(
            "^(CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY|DROP\\s+INDEX\\s+CONCURRENTLY|REINDEX\\b.*\\bCONCURRENTLY"
                    + "|VACUUM|CREATE\\s+DATABASE|DROP\\s+DATABASE|ALTER\\s+SYSTEM|CREATE\\s+TABLESPACE"
                    + "|DROP\\s+TABLESPACE)\\b.*",
            Pattern.DOTALL);

    static Transactionality of(MigrationScript script) {
        List<String> statements = script.statements();
        long outside = statements.stream()
                .filter(s -> OUTSIDE_TRANSACTION
                        .matcher(withoutLeadingComments(s).toUpperCase(Locale.ROOT))
                        .matches())
                .count();
        if (outside == 0) {
            return TRANSACTIONAL;
        }
        if (outside == statements.size()) {
            return NON_TRANSACTIONAL;
        }
        throw new MigrationException("migration " + script.scriptName() + " mixes statements that must run outside a"
                + " transaction (such as CREATE INDEX CONCURRENTLY) with others; put them in a migration of their own");
    }

    private static String withoutLeadingComments(String statement) {
        return statement.replaceFirst("^(\\s*(--[^\\n]*\\n|/\\*.*?\\*/))*\\s*", "");
    }
}

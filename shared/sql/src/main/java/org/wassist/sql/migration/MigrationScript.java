package org.wassist.sql.migration;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wassist.sql.SqlStatements;

/**
 * One versioned migration, named the Flyway way: {@code V<version>__<description>.sql}. The description is the name's
 * words with underscores as spaces, as Flyway records it.
 */
record MigrationScript(MigrationVersion version, String description, String scriptName, String sql, int checksum) {
    private static final Pattern NAME = Pattern.compile("V([0-9._]+)__([^/]+)\\.sql");

    static MigrationScript of(String scriptName, String sql) {
        Matcher m = NAME.matcher(scriptName);
        if (!m.matches()) {
            throw new MigrationException(
                    "migration " + scriptName + " is not named V<version>__<description>.sql (Flyway's convention)");
        }
        if (sql.contains("${")) {
            throw new MigrationException("migration " + scriptName
                    + " contains '${': Flyway would replace it as a placeholder and this runner would not; avoid it");
        }
        return new MigrationScript(
                MigrationVersion.parse(m.group(1)),
                m.group(2).replace('_', ' '),
                scriptName,
                sql,
                FlywayChecksum.of(sql));
    }

    List<String> statements() {
        return SqlStatements.split(sql.startsWith("\uFEFF") ? sql.substring(1) : sql);
    }
}

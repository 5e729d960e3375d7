package org.wassist.standins.postgres;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL JDBC URLs: the same server with another database. */
final class JdbcUrls {
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?");

    private JdbcUrls() {}

    static String withDatabase(String url, String database) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/database URL");
        }
        String query = m.group(3);
        return m.group(1) + database + (query == null ? "" : query);
    }

    /** The URL without its query, which may hold a password: safe for messages. */
    static String safe(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}

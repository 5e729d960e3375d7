package org.wassist.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement with {@code :name} parameters rewritten to JDBC's positional {@code ?}. Casts ({@code ::vector}),
 * literals, quoted identifiers and comments are left alone.
 *
 * @param positional the statement with each parameter replaced by {@code ?}
 * @param names the parameter name of each {@code ?}, in order; a name used twice appears twice
 */
public record NamedSql(String positional, List<String> names) {
    public NamedSql {
        names = List.copyOf(names);
    }

    public static NamedSql parse(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            int skipped = SqlText.skip(sql, i);
            if (skipped > i) {
                out.append(sql, i, skipped);
                i = skipped;
                continue;
            }
            char c = sql.charAt(i);
            if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && SqlText.isIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && SqlText.isIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new NamedSql(out.toString(), names);
    }
}

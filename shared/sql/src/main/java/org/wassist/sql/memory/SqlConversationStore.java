package org.wassist.sql.memory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wassist.memory.ConversationStore;
import org.wassist.memory.Exchange;
import org.wassist.memory.Turn;
import org.wassist.model.Speaker;
import org.wassist.sql.SqlClient;
import org.wassist.sql.SqlParams;
import org.wassist.sql.SqlRow;

/**
 * Conversation memory in PostgreSQL, written once over {@link SqlClient}: the same code runs over JDBC and the Data
 * API. Each method is a single statement (one Data API call). Timestamps are kept to the microsecond.
 */
public final class SqlConversationStore implements ConversationStore {
    private final SqlClient sql;

    public SqlConversationStore(SqlClient sql) {
        this.sql = sql;
    }

    @Override
    public List<Turn> recent(String conversationId, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        List<SqlRow> rows = sql.query(
                ConversationSql.RECENT,
                SqlParams.none().text("chat", conversationId).integer("limit", limit));
        List<Turn> turns = new ArrayList<>(rows.size());
        for (SqlRow row : rows) {
            turns.add(
                    new Turn(Speaker.valueOf(row.text("speaker")), row.text("content"), row.timestamptz("created_at")));
        }
        return turns;
    }

    @Override
    public Optional<Exchange> find(String conversationId, String sourceMessageId) {
        List<SqlRow> rows = sql.query(
                ConversationSql.FIND,
                SqlParams.none().text("chat", conversationId).text("source", sourceMessageId));
        @Nullable SqlRow user = null;
        @Nullable SqlRow assistant = null;
        for (SqlRow row : rows) {
            if (row.text("speaker").equals(Speaker.USER.name())) {
                user = row;
            } else {
                assistant = row;
            }
        }
        if (user == null || assistant == null) {
            return Optional.empty();
        }
        return Optional.of(new Exchange(
                sourceMessageId, user.text("content"), assistant.text("content"), user.timestamptz("created_at")));
    }

    @Override
    public boolean append(String conversationId, Exchange exchange) {
        long inserted = sql.update(
                ConversationSql.APPEND,
                SqlParams.none()
                        .text("chat", conversationId)
                        .text("source", exchange.sourceMessageId())
                        .timestamptz("at", micros(exchange.at()))
                        .text("userText", exchange.userText())
                        .text("assistantText", exchange.assistantText()));
        return inserted > 0;
    }

    @Override
    public int clear(String conversationId) {
        return Math.toIntExact(
                sql.update(ConversationSql.CLEAR, SqlParams.none().text("chat", conversationId)));
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}

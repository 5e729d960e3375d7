package org.wassist.sql.memory;

/** Every statement of conversation memory; the table is created by {@code db/migration/V1__memory.sql}. */
final class ConversationSql {
    private ConversationSql() {}

    /**
     * Both turns in one statement, so they are stored together or not at all. One sequence value per exchange keeps
     * its turns adjacent when exchanges of one chat are stored concurrently; the ORDER BY makes the user's turn get
     * the lower id. A repeat of a source message conflicts on both rows and inserts nothing.
     */
    static final String APPEND = """
            INSERT INTO conversation_turn (chat_id, exchange_seq, source_message_id, speaker, content, created_at)
            SELECT :chat, x.seq, :source, t.speaker, t.content, :at
            FROM (SELECT nextval('conversation_exchange_seq') AS seq) x
            CROSS JOIN (VALUES (1, 'USER', :userText), (2, 'ASSISTANT', :assistantText)) AS t (ord, speaker, content)
            ORDER BY t.ord
            ON CONFLICT (chat_id, source_message_id, speaker) DO NOTHING""";

    /** The newest {@code :limit} turns, returned oldest first. */
    static final String RECENT = """
            SELECT speaker, content, created_at FROM (
                SELECT id, exchange_seq, speaker, content, created_at
                FROM conversation_turn
                WHERE chat_id = :chat
                ORDER BY exchange_seq DESC, id DESC
                LIMIT :limit
            ) newest
            ORDER BY exchange_seq, id""";

    static final String FIND = """
            SELECT speaker, content, created_at
            FROM conversation_turn
            WHERE chat_id = :chat AND source_message_id = :source""";

    static final String CLEAR = "DELETE FROM conversation_turn WHERE chat_id = :chat";
}

-- Conversation memory. A conversation is a chat: one person's private chat, or a whole group.
-- Each answered message is stored as an exchange of two turns (the user's, then the assistant's) that share one
-- exchange_seq, so concurrent exchanges of one chat never interleave when read back.

CREATE EXTENSION IF NOT EXISTS vector;

CREATE SEQUENCE conversation_exchange_seq;

CREATE TABLE conversation_turn (
    id                bigserial   PRIMARY KEY,
    chat_id           text        NOT NULL,
    exchange_seq      bigint      NOT NULL,
    source_message_id text        NOT NULL,
    speaker           text        NOT NULL CHECK (speaker IN ('USER', 'ASSISTANT')),
    content           text        NOT NULL,
    created_at        timestamptz NOT NULL,
    -- Storing an exchange is idempotent per inbound message: a redelivery stores nothing.
    CONSTRAINT conversation_turn_source_uq UNIQUE (chat_id, source_message_id, speaker)
);

-- Serves "the newest N turns of a chat" and "forget this chat".
CREATE INDEX conversation_turn_recent_idx ON conversation_turn (chat_id, exchange_seq DESC, id DESC);

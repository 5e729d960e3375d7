package org.wassist.command;

/**
 * How chat turns are built.
 *
 * @param prePrompt {@code PRE_PROMPT}: the system instruction on every call; blank for none
 * @param maxReplyTokens {@code MAX_MODEL_TOKENS}: the most tokens a reply may use
 * @param historyTurns {@code MEMORY_MAX_TURNS}: how many remembered turns are read per call at most
 * @param maxReplyChars the longest single WhatsApp message sent; longer replies are split
 * @param mediaMaxMb {@code MEDIA_MAX_MB}: the largest attachment the bridge fetches, quoted to users
 */
public record ChatSettings(String prePrompt, int maxReplyTokens, int historyTurns, int maxReplyChars, int mediaMaxMb) {}

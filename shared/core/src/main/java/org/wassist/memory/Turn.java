package org.wassist.memory;

import java.time.Instant;
import org.wassist.model.Speaker;

/** One remembered message of a conversation. */
public record Turn(Speaker speaker, String content, Instant at) {}

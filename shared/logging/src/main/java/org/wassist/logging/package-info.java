/**
 * Structured JSON logging for every process: log4j2 behind SLF4J, one JSON object per line on stdout, and a
 * {@link org.wassist.logging.Redactor} applied to every message, context value and exception text before it is
 * written. Having this module on the classpath is the whole setup; {@code LOG_LEVEL} sets the level.
 */
@NullMarked
package org.wassist.logging;

import org.jspecify.annotations.NullMarked;

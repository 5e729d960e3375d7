/** Logging helpers that keep personal data out of logs: keyed pseudonyms for ids. */
@NullMarked
package org.wassist.observability;

import org.jspecify.annotations.NullMarked;

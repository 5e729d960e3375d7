/** At-least-once delivery made idempotent: a message id is processed to completion at most once. */
@NullMarked
package org.wassist.dedupe;

import org.jspecify.annotations.NullMarked;

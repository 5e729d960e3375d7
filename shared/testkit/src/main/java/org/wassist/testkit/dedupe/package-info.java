/** Fakes and the contract of the idempotency port. */
@NullMarked
package org.wassist.testkit.dedupe;

import org.jspecify.annotations.NullMarked;

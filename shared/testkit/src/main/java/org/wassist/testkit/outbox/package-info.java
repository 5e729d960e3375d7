/** Fakes and contracts of the outbound queue ports. */
@NullMarked
package org.wassist.testkit.outbox;

import org.jspecify.annotations.NullMarked;

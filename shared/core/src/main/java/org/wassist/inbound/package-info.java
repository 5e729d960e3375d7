/** The channel side of the inbound path: publishing normalised envelopes to the inbound queue. */
@NullMarked
package org.wassist.inbound;

import org.jspecify.annotations.NullMarked;

/** What travels on the queues: the normalised inbound {@link org.wassist.message.Envelope} and the outbound commands. */
@NullMarked
package org.wassist.message;

import org.jspecify.annotations.NullMarked;

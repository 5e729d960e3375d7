/** The port replies leave through: outbound commands addressed to a chat. */
@NullMarked
package org.wassist.outbox;

import org.jspecify.annotations.NullMarked;

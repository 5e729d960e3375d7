/** Per-chat conversation memory, bounded by tokens when it is sent to the model. */
@NullMarked
package org.wassist.memory;

import org.jspecify.annotations.NullMarked;

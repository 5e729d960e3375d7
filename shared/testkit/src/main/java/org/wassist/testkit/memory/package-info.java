/** Conversation memory: the in-memory fake and the contract every store must meet. */
@NullMarked
package org.wassist.testkit.memory;

import org.jspecify.annotations.NullMarked;

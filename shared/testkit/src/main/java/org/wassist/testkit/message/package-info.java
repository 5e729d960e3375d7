/** Test data for the message types that travel on the queues. */
@NullMarked
package org.wassist.testkit.message;

import org.jspecify.annotations.NullMarked;

/** One stack per concern: network, data, messaging, functions, bridge, observability. */
@NullMarked
package org.wassist.infra.stacks;

import org.jspecify.annotations.NullMarked;

/** The all-local run: every stand-in, the router and the bridge in one process, with the chat simulator. */
@NullMarked
package org.wassist.local;

import org.jspecify.annotations.NullMarked;

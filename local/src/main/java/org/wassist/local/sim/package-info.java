/** The chat simulator: a web page and a small HTTP API standing in for WhatsApp in the all-local run. */
@NullMarked
package org.wassist.local.sim;

import org.jspecify.annotations.NullMarked;

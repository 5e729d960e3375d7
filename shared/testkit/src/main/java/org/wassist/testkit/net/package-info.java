/** Network stand-ins for failure modes no real server shows on demand. */
@NullMarked
package org.wassist.testkit.net;

import org.jspecify.annotations.NullMarked;

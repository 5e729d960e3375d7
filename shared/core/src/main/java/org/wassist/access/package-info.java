/** Who may talk to the assistant, and with which role. */
@NullMarked
package org.wassist.access;

import org.jspecify.annotations.NullMarked;

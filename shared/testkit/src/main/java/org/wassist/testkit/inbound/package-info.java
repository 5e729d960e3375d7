/** Fakes and the contract of the inbound publisher port. */
@NullMarked
package org.wassist.testkit.inbound;

import org.jspecify.annotations.NullMarked;

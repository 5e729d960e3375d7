/** QR codes for linking: a PNG for the operator page and Unicode half blocks for a terminal. */
@NullMarked
package org.wassist.bridge.qr;

import org.jspecify.annotations.NullMarked;

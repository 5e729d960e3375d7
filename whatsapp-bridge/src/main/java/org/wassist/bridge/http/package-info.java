/** The bridge's HTTP front: health, readiness, liveness and the operator's QR page. */
@NullMarked
package org.wassist.bridge.http;

import org.jspecify.annotations.NullMarked;

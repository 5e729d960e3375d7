/** S3 stand-in: embedded s3proxy with SigV4 authentication and the media bucket. */
@NullMarked
package org.wassist.standins.s3;

import org.jspecify.annotations.NullMarked;

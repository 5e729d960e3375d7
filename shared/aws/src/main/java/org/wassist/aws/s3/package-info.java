/** The media bucket on S3. */
@NullMarked
package org.wassist.aws.s3;

import org.jspecify.annotations.NullMarked;

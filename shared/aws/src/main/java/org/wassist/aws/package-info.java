/** Adapters of the core's ports on the AWS SDK v2, and the one place SDK clients are built ({@link AwsClients}). */
@NullMarked
package org.wassist.aws;

import org.jspecify.annotations.NullMarked;

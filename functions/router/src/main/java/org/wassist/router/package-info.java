/** The router Lambda function: SQS batch in, the message pipeline, replies out to the outbound queue. */
@NullMarked
package org.wassist.router;

import org.jspecify.annotations.NullMarked;

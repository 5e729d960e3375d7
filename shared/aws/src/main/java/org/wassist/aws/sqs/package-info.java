/** The inbound and outbound FIFO queues on SQS. */
@NullMarked
package org.wassist.aws.sqs;

import org.jspecify.annotations.NullMarked;

/** SQS stand-in: embedded ElasticMQ with the deployment's FIFO queues and dead-letter queues. */
@NullMarked
package org.wassist.standins.sqs;

import org.jspecify.annotations.NullMarked;

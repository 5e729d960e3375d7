/** The idempotency table on DynamoDB. */
@NullMarked
package org.wassist.aws.dynamodb;

import org.jspecify.annotations.NullMarked;

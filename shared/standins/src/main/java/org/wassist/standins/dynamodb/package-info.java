/** DynamoDB stand-in: dynalite as a Node child process, with the idempotency table. */
@NullMarked
package org.wassist.standins.dynamodb;

import org.jspecify.annotations.NullMarked;

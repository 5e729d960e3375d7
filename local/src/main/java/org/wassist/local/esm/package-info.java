/** A local stand-in for Lambda's SQS event source mapping: polls the inbound queue and runs the router's batch logic. */
@NullMarked
package org.wassist.local.esm;

import org.jspecify.annotations.NullMarked;

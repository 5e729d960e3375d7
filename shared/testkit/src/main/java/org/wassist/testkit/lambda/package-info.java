/**
 * Runs a packaged Lambda function for real, locally: {@link org.wassist.testkit.lambda.LambdaRuntimeEmulator} serves
 * the Lambda Runtime API on loopback and {@link org.wassist.testkit.lambda.LambdaProcess} starts the function's jar
 * in a child JVM under AWS's runtime interface client, as the managed Java runtime does.
 */
@NullMarked
package org.wassist.testkit.lambda;

import org.jspecify.annotations.NullMarked;

/** Deployment settings read from CDK context, validated at synth time; every problem is reported at once. */
@NullMarked
package org.wassist.infra.config;

import org.jspecify.annotations.NullMarked;

/** The application secret in Secrets Manager: model keys and the log pseudonym key, read once per process. */
@NullMarked
package org.wassist.aws.secrets;

import org.jspecify.annotations.NullMarked;

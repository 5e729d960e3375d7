/**
 * Real servers that speak the AWS protocols on loopback, for tests and the all-local run: {@link
 * org.wassist.standins.StandIns} is the entry point tests use.
 */
@NullMarked
package org.wassist.standins;

import org.jspecify.annotations.NullMarked;

/**
 * A stand-in for the RDS Data API over a real PostgreSQL: the SDK's {@code RdsDataClient} talks to it through
 * {@code endpointOverride}, so the Data API path of the code runs in tests and the all-local run.
 */
@NullMarked
package org.wassist.standins.dataapi;

import org.jspecify.annotations.NullMarked;

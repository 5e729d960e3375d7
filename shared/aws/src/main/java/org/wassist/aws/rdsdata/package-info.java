/**
 * The SQL port over the RDS Data API: how the deployed functions, which run outside the VPC, reach Aurora. The same
 * repositories run over JDBC locally.
 */
@NullMarked
package org.wassist.aws.rdsdata;

import org.jspecify.annotations.NullMarked;

/**
 * The SQL port over JDBC (HikariCP and pgjdbc) and real Flyway, for local runs, the bridge and tests. Deployed
 * functions use the Data API adapter instead: they run outside the VPC.
 */
@NullMarked
package org.wassist.jdbc;

import org.jspecify.annotations.NullMarked;

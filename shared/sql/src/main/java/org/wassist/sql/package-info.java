/**
 * A small SQL port ({@link org.wassist.sql.SqlClient}) that repositories are written against once: the same code runs
 * over JDBC (local runs, tests) and over the RDS Data API (deployed functions, which run outside the VPC).
 */
@NullMarked
package org.wassist.sql;

import org.jspecify.annotations.NullMarked;

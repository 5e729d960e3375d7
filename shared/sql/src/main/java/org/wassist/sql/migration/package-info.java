/**
 * Applies the schema migrations in {@code db/migration} through the SQL port and records them in a Flyway-compatible
 * {@code flyway_schema_history}, so real Flyway and this runner can take turns on one database.
 */
@NullMarked
package org.wassist.sql.migration;

import org.jspecify.annotations.NullMarked;

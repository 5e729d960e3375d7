/** Conversation memory stored in PostgreSQL through the SQL port. */
@NullMarked
package org.wassist.sql.memory;

import org.jspecify.annotations.NullMarked;

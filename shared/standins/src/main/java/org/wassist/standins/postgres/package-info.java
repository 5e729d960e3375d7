/** PostgreSQL for tests (fresh databases on the system server) and for the all-local run (a private cluster). */
@NullMarked
package org.wassist.standins.postgres;

import org.jspecify.annotations.NullMarked;

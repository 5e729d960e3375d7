/** Context validation tests. */
@NullMarked
package org.wassist.infra.config;

import org.jspecify.annotations.NullMarked;

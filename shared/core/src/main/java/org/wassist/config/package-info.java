/** One immutable, validated configuration built from the environment at start. */
@NullMarked
package org.wassist.config;

import org.jspecify.annotations.NullMarked;

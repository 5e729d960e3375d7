/** Reusable pieces the stacks are built from. */
@NullMarked
package org.wassist.infra.constructs;

import org.jspecify.annotations.NullMarked;

/** Template assertions on the synthesised stacks; one focused test per deployed property. */
@NullMarked
package org.wassist.infra;

import org.jspecify.annotations.NullMarked;

/** Time under the test's control. */
@NullMarked
package org.wassist.testkit.time;

import org.jspecify.annotations.NullMarked;

@NullMarked
package org.wassist.logging;

import org.jspecify.annotations.NullMarked;

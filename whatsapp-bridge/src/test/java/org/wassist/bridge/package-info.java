@NullMarked
package org.wassist.bridge;

import org.jspecify.annotations.NullMarked;

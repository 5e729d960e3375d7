/** Assembly of the pipeline from ports and configuration, and the FIFO batch rule around it. */
@NullMarked
package org.wassist.assistant;

import org.jspecify.annotations.NullMarked;

/** Media bytes in object storage, addressed by key. */
@NullMarked
package org.wassist.media;

import org.jspecify.annotations.NullMarked;

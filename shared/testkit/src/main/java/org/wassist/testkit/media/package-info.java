/** Fakes and the contract of the media store port. */
@NullMarked
package org.wassist.testkit.media;

import org.jspecify.annotations.NullMarked;

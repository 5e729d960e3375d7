/** The language-model port: chat completion requests, replies and their failure modes. */
@NullMarked
package org.wassist.model;

import org.jspecify.annotations.NullMarked;

/** A scriptable in-memory language model and the contract every {@code ChatModel} must meet. */
@NullMarked
package org.wassist.testkit.model;

import org.jspecify.annotations.NullMarked;

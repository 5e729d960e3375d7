/** The chain of small steps one inbound message passes through, and the outcome it produces. */
@NullMarked
package org.wassist.pipeline;

import org.jspecify.annotations.NullMarked;

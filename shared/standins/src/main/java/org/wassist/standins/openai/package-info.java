/**
 * A fake OpenAI-compatible chat server on loopback: scripted replies and failures, per-key behaviour and a record of
 * every request, for tests, benchmarks and the all-local run.
 */
@NullMarked
package org.wassist.standins.openai;

import org.jspecify.annotations.NullMarked;

/** Benchmark commands that print their figures (see docs/benchmarks.md). */
@NullMarked
package org.wassist.bench;

import org.jspecify.annotations.NullMarked;

/** Benchmark commands of the router function; they print their figures (docs/benchmarks.md). */
@NullMarked
package org.wassist.router.bench;

import org.jspecify.annotations.NullMarked;

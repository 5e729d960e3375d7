/** The router's stand-ins on loopback: everything the deployed function talks to, for ITs and benchmarks. */
@NullMarked
package org.wassist.router.standin;

import org.jspecify.annotations.NullMarked;

/** The CDK app that deploys WAssist: entry point and stack wiring (docs/operations.md). */
@NullMarked
package org.wassist.infra;

import org.jspecify.annotations.NullMarked;

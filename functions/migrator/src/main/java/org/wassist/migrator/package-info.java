/**
 * The deploy-time custom resource that applies the SQL migrations through the Data API (the functions run outside
 * the VPC, so JDBC cannot reach Aurora). Driven by the CDK Provider framework.
 */
@NullMarked
package org.wassist.migrator;

import org.jspecify.annotations.NullMarked;

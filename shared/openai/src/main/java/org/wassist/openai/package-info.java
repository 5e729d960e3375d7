/**
 * The language-model port on openai-java: any OpenAI-compatible chat server, a pool of API keys that rest after
 * 401/403/429, and a readiness probe. No provider error text and no key ever leaves this package.
 */
@NullMarked
package org.wassist.openai;

import org.jspecify.annotations.NullMarked;

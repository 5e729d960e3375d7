/**
 * Tools that let tests prove logs hold no personal data: {@link org.wassist.testkit.logs.LogCapture} records every
 * line the process logs, exactly as written to stdout, and {@link org.wassist.testkit.logs.PiiScan} finds lines that
 * hold phone numbers, WhatsApp ids or values the test knows to be sensitive.
 */
@NullMarked
package org.wassist.testkit.logs;

import org.jspecify.annotations.NullMarked;

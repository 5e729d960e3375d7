/** Chat commands: parsing text into a sealed {@link org.wassist.command.Command}, the catalog and the handlers. */
@NullMarked
package org.wassist.command;

import org.jspecify.annotations.NullMarked;

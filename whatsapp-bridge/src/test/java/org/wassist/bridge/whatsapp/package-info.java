@NullMarked
package org.wassist.bridge.whatsapp;

import org.jspecify.annotations.NullMarked;

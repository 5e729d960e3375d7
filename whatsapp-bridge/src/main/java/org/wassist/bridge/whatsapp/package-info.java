/**
 * The WhatsApp Web channel: Debian Chromium driven by Playwright for Java on one browser thread, the injected script
 * that owns every WhatsApp-internal name, the login state machine, message normalisation and the journal that makes
 * the catch-up after a restart free of duplicates.
 */
@NullMarked
package org.wassist.bridge.whatsapp;

import org.jspecify.annotations.NullMarked;

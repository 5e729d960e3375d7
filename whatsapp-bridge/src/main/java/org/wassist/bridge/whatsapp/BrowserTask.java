package org.wassist.bridge.whatsapp;

import com.microsoft.playwright.PlaywrightException;
import java.util.concurrent.CompletableFuture;
import org.wassist.bridge.channel.ChannelException;

/**
 * Work another thread hands to the browser thread, with a start deadline: a task that waited too long is not started
 * at all (its caller has already given up and will retry), so a late send never happens behind the caller's back.
 */
final class BrowserTask<T> {
    /** The work, run on the browser thread. */
    @FunctionalInterface
    interface Work<T> {
        T run(BrowserSession session) throws ChannelException;
    }

    private final Work<T> work;
    private final long startBy;
    final CompletableFuture<T> future = new CompletableFuture<>();

    BrowserTask(Work<T> work, long startByNanos) {
        this.work = work;
        this.startBy = startByNanos;
    }

    /**
     * Runs the work; any failure goes to the caller (a Playwright failure as retryable). A dead page is noticed by the
     * loop's own next call.
     */
    void run(BrowserSession session) {
        if (System.nanoTime() - startBy > 0) {
            future.completeExceptionally(new ChannelException(
                    ChannelException.Code.TIMEOUT, "the browser was busy; not started in time", true));
            return;
        }
        try {
            future.complete(work.run(session));
        } catch (ChannelException e) {
            future.completeExceptionally(e);
        } catch (PlaywrightException e) {
            future.completeExceptionally(new ChannelException(
                    ChannelException.Code.PAGE_ERROR, "page call failed: " + firstLine(e), true, e));
        } catch (RuntimeException e) {
            future.completeExceptionally(new ChannelException(
                    ChannelException.Code.PAGE_ERROR,
                    "page call failed: " + e.getClass().getSimpleName(),
                    true,
                    e));
        }
    }

    /** The first line of a failure's message, redacted: Playwright's messages quote the page call's arguments. */
    static String firstLine(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return Redact.safe(nl < 0 ? m : m.substring(0, nl));
    }

    void abandon(String reason) {
        future.completeExceptionally(new ChannelException(ChannelException.Code.UNAVAILABLE, reason, true));
    }
}

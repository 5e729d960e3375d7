package org.wassist.bridge.whatsapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.wassist.bridge.channel.ChannelStatus;
import org.wassist.bridge.channel.LoginPrompt;

/**
 * The login state machine. Fed by the browser thread with WhatsApp Web's socket states and the script's events; read
 * from any thread. WhatsApp's states map as: UNPAIRED/UNPAIRED_IDLE → unpaired, PAIRING → pairing,
 * OPENING/UNLAUNCHED/TIMEOUT and CONNECTED before the first sync → connecting, CONNECTED after it → connected,
 * CONFLICT → conflict, TOS_BLOCK/SMB_TOS_BLOCK/PROXYBLOCK/DEPRECATED_VERSION → blocked. A logout makes the state
 * logged-out until the account is connected again (the new QR is still offered meanwhile).
 */
final class SessionTracker {
    static final Set<String> REQUIRED = Set.of("receive", "send-text");
    private static final Set<String> BLOCKED_STATES =
            Set.of("TOS_BLOCK", "SMB_TOS_BLOCK", "PROXYBLOCK", "DEPRECATED_VERSION");

    private SessionState state = SessionState.STARTING;
    private @Nullable String waState;
    private boolean loggedOut;
    private List<String> missing = List.of();
    private @Nullable String version;
    private @Nullable String qr;
    private @Nullable String pairingCode;
    private @Nullable String browserProblem;
    private Instant connectedSince = Instant.EPOCH;

    /**
     * The script attached to a (new) document: the socket state is unknown until it reports it, so the state goes back
     * to starting (a logout stays), and reaching connected again triggers the catch-up for messages that arrived
     * before the listeners were attached.
     */
    synchronized void hello(String webVersion, List<String> missingCapabilities) {
        this.version = webVersion;
        this.missing = List.copyOf(missingCapabilities);
        this.browserProblem = null;
        if (state != SessionState.LOGGED_OUT) {
            state = SessionState.STARTING;
        }
    }

    /** Returns the new state. */
    synchronized SessionState socket(@Nullable String wa, boolean hasSynced, Instant now) {
        waState = wa;
        SessionState next = map(wa, hasSynced);
        if (next == SessionState.CONNECTED) {
            if (state != SessionState.CONNECTED) {
                connectedSince = now;
            }
            loggedOut = false;
            qr = null;
            pairingCode = null;
        } else if (loggedOut) {
            next = SessionState.LOGGED_OUT;
        }
        state = next;
        return state;
    }

    private static SessionState map(@Nullable String wa, boolean synced) {
        if (wa == null) {
            return SessionState.CONNECTING;
        }
        if (BLOCKED_STATES.contains(wa)) {
            return SessionState.BLOCKED;
        }
        return switch (wa) {
            case "UNPAIRED", "UNPAIRED_IDLE" -> SessionState.UNPAIRED;
            case "PAIRING" -> SessionState.PAIRING;
            case "CONNECTED" -> synced ? SessionState.CONNECTED : SessionState.CONNECTING;
            case "CONFLICT" -> SessionState.CONFLICT;
            default -> SessionState.CONNECTING;
        };
    }

    synchronized void logout() {
        loggedOut = true;
        state = SessionState.LOGGED_OUT;
    }

    synchronized void qr(String payload) {
        qr = payload;
    }

    synchronized void pairingCode(String code) {
        pairingCode = code;
    }

    synchronized void browserDown(String reason) {
        browserProblem = reason;
        if (state != SessionState.LOGGED_OUT) {
            state = SessionState.BROWSER_DOWN;
        }
    }

    synchronized SessionState state() {
        return state;
    }

    synchronized @Nullable String version() {
        return version;
    }

    synchronized Instant connectedSince() {
        return connectedSince;
    }

    synchronized boolean unpaired() {
        return state == SessionState.UNPAIRED || (state == SessionState.LOGGED_OUT && isUnpairedWa());
    }

    private boolean isUnpairedWa() {
        return "UNPAIRED".equals(waState) || "UNPAIRED_IDLE".equals(waState);
    }

    synchronized LoginPrompt prompt() {
        return state == SessionState.CONNECTED ? LoginPrompt.NONE : new LoginPrompt(qr, pairingCode);
    }

    synchronized ChannelStatus status() {
        List<String> problems = new ArrayList<>();
        for (String m : missing) {
            problems.add("WhatsApp Web capability missing: " + m);
        }
        if (state == SessionState.BLOCKED || state == SessionState.CONFLICT) {
            problems.add("WhatsApp Web reports " + waState);
        }
        if (state == SessionState.LOGGED_OUT) {
            problems.add("the account was logged out; link it again through /qr");
        }
        if (browserProblem != null) {
            problems.add(browserProblem);
        }
        boolean ready = state == SessionState.CONNECTED && missing.stream().noneMatch(REQUIRED::contains);
        return new ChannelStatus(state.label(), ready, problems);
    }
}

package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTrackerTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void walksTheLoginStates() {
        SessionTracker t = new SessionTracker();
        assertThat(t.status().state()).isEqualTo("starting");
        t.hello("2.3000.1", List.of());
        assertThat(t.socket("UNPAIRED", false, NOW)).isEqualTo(SessionState.UNPAIRED);
        t.qr("ref,a,b,c,WEB");
        assertThat(t.prompt().qr()).isEqualTo("ref,a,b,c,WEB");
        assertThat(t.socket("PAIRING", false, NOW)).isEqualTo(SessionState.PAIRING);
        assertThat(t.socket("OPENING", false, NOW)).isEqualTo(SessionState.CONNECTING);
        assertThat(t.socket("CONNECTED", false, NOW)).isEqualTo(SessionState.CONNECTING);
        assertThat(t.status().ready()).isFalse();
        assertThat(t.socket("CONNECTED", true, NOW)).isEqualTo(SessionState.CONNECTED);
        assertThat(t.status().ready()).isTrue();
        assertThat(t.prompt().isEmpty()).isTrue();
    }

    @Test
    void logoutStaysLoggedOutWhileTheNewQrIsShownUntilLinkedAgain() {
        SessionTracker t = new SessionTracker();
        t.hello("v", List.of());
        t.socket("CONNECTED", true, NOW);
        t.logout();
        assertThat(t.status().loggedOut()).isTrue();
        assertThat(t.socket("UNPAIRED", false, NOW)).isEqualTo(SessionState.LOGGED_OUT);
        t.qr("ref-2,a,b,c,WEB");
        assertThat(t.prompt().qr()).isEqualTo("ref-2,a,b,c,WEB");
        assertThat(t.unpaired()).isTrue();
        assertThat(t.status().problems()).anyMatch(p -> p.contains("logged out"));
        assertThat(t.socket("CONNECTED", true, NOW)).isEqualTo(SessionState.CONNECTED);
        assertThat(t.status().loggedOut()).isFalse();
    }

    @Test
    void missingCapabilitiesAreNamedAndOnlyReceiveAndSendTextBlockReadiness() {
        SessionTracker t = new SessionTracker();
        t.hello("v", List.of("react", "presence"));
        t.socket("CONNECTED", true, NOW);
        assertThat(t.status().ready()).isTrue();
        assertThat(t.status().problems())
                .containsExactly("WhatsApp Web capability missing: react", "WhatsApp Web capability missing: presence");
        t.hello("v", List.of("send-text"));
        assertThat(t.status().ready()).isFalse();
    }

    @Test
    void aNewDocumentStartsOverUntilItReportsItsStateButKeepsALogout() {
        SessionTracker t = new SessionTracker();
        t.hello("v", List.of());
        t.socket("CONNECTED", true, NOW);
        t.hello("v", List.of());
        assertThat(t.state()).isEqualTo(SessionState.STARTING);
        assertThat(t.status().ready()).isFalse();
        t.logout();
        t.hello("v", List.of());
        assertThat(t.state()).isEqualTo(SessionState.LOGGED_OUT);
    }

    @Test
    void operationalStatesAreProblems() {
        SessionTracker t = new SessionTracker();
        assertThat(t.socket("CONFLICT", false, NOW)).isEqualTo(SessionState.CONFLICT);
        assertThat(t.status().problems()).contains("WhatsApp Web reports CONFLICT");
        assertThat(t.socket("TOS_BLOCK", false, NOW)).isEqualTo(SessionState.BLOCKED);
        assertThat(t.status().problems()).contains("WhatsApp Web reports TOS_BLOCK");
        t.browserDown("the browser stopped");
        assertThat(t.status().state()).isEqualTo("browser-down");
    }
}

package org.wassist.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wassist.Envelopes;
import org.wassist.message.Envelope;
import org.wassist.message.Sender;

class WhitelistTest {
    @Test
    void bareNumbersPlusPrefixedNumbersAndJidsAllMatchTheSameSender() {
        Envelope fromAlice = Envelopes.direct("hi");

        for (String entry : List.of(
                "4915100000001",
                "+49 151 0000 0001",
                "004915100000001",
                "4915100000001@c.us",
                "4915100000001@s.whatsapp.net")) {
            assertThat(Whitelist.of(List.of(entry)).allows(fromAlice)).as(entry).isTrue();
        }
    }

    @Test
    void otherNumbersDoNotMatch() {
        assertThat(Whitelist.of(List.of("4915100000002")).allows(Envelopes.direct("hi")))
                .isFalse();
    }

    @Test
    void aPrivacyIdSenderMatchesByItsBestKnownPhoneOrByTheLidItself() {
        Envelope viaLid = Envelope.text(
                "wa-web",
                "123456789012345@lid",
                new Sender("123456789012345@lid", "4915100000001", null),
                "m",
                Instant.EPOCH,
                "hi",
                false);
        Envelope hiddenPhone = Envelope.text(
                "wa-web",
                "123456789012345@lid",
                new Sender("123456789012345@lid", null, null),
                "m",
                Instant.EPOCH,
                "hi",
                false);

        assertThat(Whitelist.of(List.of("+4915100000001")).allows(viaLid)).isTrue();
        assertThat(Whitelist.of(List.of("+4915100000001")).allows(hiddenPhone)).isFalse();
        assertThat(Whitelist.of(List.of("123456789012345@LID")).allows(hiddenPhone))
                .isTrue();
    }

    @Test
    void aListedGroupAdmitsItsMembers() {
        assertThat(Whitelist.of(List.of(Envelopes.GROUP)).allows(Envelopes.group("!gpt hi")))
                .isTrue();
    }

    @Test
    void entriesThatAreNeitherNumbersNorIdsAreRejected() {
        assertThat(Whitelist.normalise("alice")).isNull();
        assertThat(Whitelist.normalise("  ")).isNull();
        assertThat(Whitelist.normalise("12")).isNull();
    }
}

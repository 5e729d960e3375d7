package org.wassist.testkit.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiScanTest {
    private static final String PHONE = "+65 8123 4567";
    private static final String JID = "6581234567@c.us";
    private static final String TEXT = "Please remind me: \"pay rent\"\nto Alice";

    private final PiiScan scan = PiiScan.knowing(List.of(PHONE, JID, TEXT));

    @Test
    void knownValuesAreFoundVerbatimAndInTheirJsonEscapedForm() {
        List<String> lines = List.of(
                "{\"message\":\"ok\"}",
                "{\"message\":\"Please remind me: \\\"pay rent\\\"\\nto Alice\"}",
                "plain " + TEXT);

        assertThat(scan.scan(lines))
                .extracting(PiiScan.Finding::index, PiiScan.Finding::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "known sensitive value #2"),
                        org.assertj.core.groups.Tuple.tuple(2, "known sensitive value #2"));
    }

    @Test
    void knownPhoneNumbersAreAlsoFoundAsDigitsAndAsNationalNumbers() {
        assertThat(scan.offendingLines(List.of("a 6581234567", "b 81234567", "c +65 8123 4567", "d [phone]")))
                .containsExactly("a 6581234567", "b 81234567", "c +65 8123 4567");
    }

    @Test
    void theUserPartOfAKnownJidIsFound() {
        assertThat(PiiScan.knowing(List.of("6591234567@s.whatsapp.net")).offendingLines(List.of("id 6591234567", "ok")))
                .containsExactly("id 6591234567");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"message\":\"from +44 20 7946 0958\"}",
                "{\"message\":\"from +1 (415) 555-2671\"}",
                "{\"from\":\"14155552671\"}",
                "{\"from\":\"44 20 7946 0958\"}"
            })
    void anyValidPhoneNumberIsFound(String line) {
        assertThat(PiiScan.generic().scan(List.of(line)))
                .singleElement()
                .extracting(PiiScan.Finding::reason)
                .isEqualTo("valid phone number");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "chat 120363025246125486@g.us",
                "x 123456789012345@lid",
                "x 6581234567:12@s.whatsapp.net",
                "x status@broadcast",
                "x 1600000000@broadcast"
            })
    void anyWhatsAppIdIsFound(String line) {
        assertThat(PiiScan.generic().scan(List.of(line)))
                .singleElement()
                .extracting(PiiScan.Finding::reason)
                .isEqualTo("WhatsApp id");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"timestamp\":\"2026-11-24T18:27:27.712Z\",\"level\":\"INFO\",\"message\":\"message processed"
                        + " outcome=replied durationMs=812\",\"chat\":\"c_123456789012\",\"sender\":\"u_-12345678901\"}",
                "{\"requestId\":\"12345678-1234-1234-1234-123456789012\"}",
                "WhatsApp/2.3000.1017054665",
                "queue https://sqs.ap-southeast-1.amazonaws.com/447912345678/inbound.fifo",
                "arn:aws:sqs:ap-southeast-1:447912345678:inbound.fifo",
                "snowflake 1234567890123456789",
                "from [phone] [jid] [email]",
                "bytes=1234"
            })
    void lineWithoutPersonalDataPass(String line) {
        assertThat(scan.scan(List.of(line))).isEmpty();
    }

    @Test
    void assertCleanListsTheOffendingLines() {
        scan.assertClean(List.of("fine", "[phone]"));

        assertThatThrownBy(() -> scan.assertClean(List.of("fine", "x " + JID)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 log line(s)")
                .hasMessageContaining("#1 (known sensitive value #")
                .hasMessageContaining("x " + JID);
    }

    @Test
    void tooShortKnownValuesAreRejected() {
        assertThatThrownBy(() -> PiiScan.knowing(List.of("ok")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("#0");
    }
}

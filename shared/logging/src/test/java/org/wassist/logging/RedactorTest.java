package org.wassist.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
    private final Redactor redactor = Redactor.standard();

    private String redact(String s) {
        return redactor.redact(s);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "6581234567@c.us",
                "6581234567@s.whatsapp.net",
                "6581234567:12@s.whatsapp.net",
                "6581234567.0:3@s.whatsapp.net",
                "123456789012345@lid",
                "123456789012345:7@lid",
                "120363025246125486@g.us",
                "6581234567-1600000000@g.us",
                "120363025246125486@newsletter",
                "1600000000@broadcast",
                "status@broadcast"
            })
    void whatsAppIdsBecomeJidTokens(String jid) {
        assertThat(redact("chat " + jid + " joined")).isEqualTo("chat [jid] joined");
    }

    @Test
    void jidInsideASerializedMessageIdIsReplacedAndTheRestKept() {
        assertThat(redact("id=false_6581234567@c.us_3EB0C0FFEE12")).isEqualTo("id=false_[jid]_3EB0C0FFEE12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@localhost", "c.us is a server", "@lid", "s.whatsapp.net", "Foo$$Lambda@7a8b9c"})
    void textThatOnlyResemblesJidsSurvives(String text) {
        assertThat(redact(text)).isSameAs(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+65 8123 4567",
                "+6581234567",
                "+65-8123-4567",
                "+65.8123.4567",
                "+1 (415) 555-2671",
                "+44 20 7946 0958",
                "+91-98765-43210",
                "+1234567890",
                "6581234567",
                "65 8123 4567",
                "14155552671",
                "81234567",
                "(65) 8123 4567"
            })
    void phoneNumbersBecomePhoneTokens(String phone) {
        assertThat(redact("call " + phone + " now")).isEqualTo("call [phone] now");
    }

    @Test
    void phoneNumbersInKeyValueAndJsonFormsAreFound() {
        assertThat(redact("from=6581234567 to=+6591234567")).isEqualTo("from=[phone] to=[phone]");
        assertThat(redact("{\"phone\":\"6581234567\",\"owner\":81234567}"))
                .isEqualTo("{\"phone\":\"[phone]\",\"owner\":[phone]}");
        assertThat(redact("tel:+6581234567.")).isEqualTo("tel:[phone].");
        assertThat(redact("id=wa-6581234567")).isEqualTo("id=wa-[phone]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "at 2026-11-24T18:27:27.712Z done",
                "at 2026-11-24 18:27:27,712 done",
                "at 2026-11-24T18:27:27+08:00 done",
                "date 20261124T182727Z",
                "request 123e4567-e89b-12d3-a456-426614174000",
                "request 550e8400-e29b-41d4-a716-446655440000",
                "request 12345678-1234-1234-1234-123456789012",
                "WhatsApp/2.3000.1017054665 Mozilla/5.0",
                "version=2.3000.1017054665",
                "durationMs=12345678",
                "took 123456789 ms",
                "took 123456789ms",
                "timeout PT36H",
                "connect 127.0.0.1:54321",
                "listening on localhost:8080 port=65432",
                "bytes=1073741824",
                "size=52428800",
                "read 1073741824 bytes",
                "{\"sizeBytes\":6581234567,\"durationMs\":81234567}",
                "expiresAt=1732472847 ts=1732472847712",
                "frame 0x00000250013c6b28",
                "Foo$$Lambda/0x000001f0010c8a00.apply",
                "chat c_123456789012 user u_-12345678901 msg m_123-45678901",
                "queue https://sqs.ap-southeast-1.amazonaws.com/123456789012/inbound.fifo",
                "arn:aws:sqs:ap-southeast-1:123456789012:inbound.fifo",
                "snowflake 1234567890123456789",
                "attempt=3 replies=2 outcome=ok",
                "at org.wassist.Foo.bar(Foo.java:123)",
                "pi 3.14159265358979",
                "range 10000000-20000000"
            })
    void numbersThatAreNotPhoneNumbersSurvive(String text) {
        assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void aQuantityKeyNamingAnIdentityIsNoExemption() {
        assertThat(redact("chatIdLength=6581234567")).isEqualTo("chatIdLength=[phone]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"someone@example.com", "first.last+tag@mail.example.co.uk", "A_B-c%d@sub-domain.example.org"})
    void emailAddressesBecomeEmailTokens(String email) {
        assertThat(redact("mail " + email + ", thanks")).isEqualTo("mail [email], thanks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@localhost", "git@github", "a@b.c", "@example.com"})
    void addressLikeTextWithoutDomainSurvives(String text) {
        assertThat(redact(text)).isSameAs(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sk-abc123def456ghi789jkl",
                "sk-proj-AbCdEf0123456789_-xyzXYZ",
                "sk-svcacct-0123456789abcdefABCDEF",
                "AKIAIOSFODNN7EXAMPLE",
                "ASIAY34FZKBOKMUTVV7A",
                "xoxb-1234567890-abcdefghij",
                "xapp-1-A0123456789-abcdef",
                "ghp_0123456789abcdefghijABCDEFGHIJ0123",
                "AIzaSyA0123456789abcdefghijklmnopqrstuv",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
            })
    void keysAndTokensBecomeSecretTokens(String secret) {
        assertThat(redact("key " + secret + " used")).isEqualTo("key [secret] used");
    }

    @Test
    void authorizationSchemesKeepTheSchemeAndLoseTheCredential() {
        assertThat(redact("Authorization: Bearer abcdefghijklmnop.qrs")).isEqualTo("Authorization: Bearer [secret]");
        assertThat(redact("authorization=Basic dXNlcjpwYXNzd29yZA==")).isEqualTo("authorization=Basic [secret]");
    }

    @Test
    void secretNamedValuesAreReplaced() {
        assertThat(redact("password=hunter2 user=bob")).isEqualTo("password=[secret] user=bob");
        assertThat(redact("{\"apiKey\":\"abc\",\"n\":1}")).isEqualTo("{\"apiKey\":\"[secret]\",\"n\":1}");
        assertThat(redact("OPENAI_API_KEY: abc.def")).isEqualTo("OPENAI_API_KEY: [secret]");
        assertThat(redact("client_secret='s3cr3t'")).isEqualTo("client_secret='[secret]'");
    }

    @Test
    void privateKeyBlocksAreReplacedWhole() {
        String pem = "key -----BEGIN RSA PRIVATE KEY-----\nMIIEow\nabc\n-----END RSA PRIVATE KEY----- end";
        assertThat(redact(pem)).isEqualTo("key [secret] end");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "task-1234567890abcdefgh",
                "disk-usage-monitoring-service-name",
                "maxTokens=2000 tokens=2000 prompt_tokens=12",
                "OPENAI_API_KEYS_SECRET_ARN=arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:keys",
                "AKIA1234",
                "Bearer",
                "secrets manager is reachable"
            })
    void textThatOnlyResemblesSecretsSurvives(String text) {
        assertThat(redact(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"S1234567D", "T7654321Z", "F1234567N", "G1234567X", "M1234567K", "s1234567d"})
    void nricAndFinBecomeNricTokens(String nric) {
        assertThat(redact("id " + nric + ".")).isEqualTo("id [nric].");
    }

    @ParameterizedTest
    @ValueSource(strings = {"S12345678D", "AS1234567D", "X1234567D", "S1234567", "S1234567DX"})
    void textThatOnlyResemblesNricSurvives(String text) {
        assertThat(redact("id " + text)).doesNotContain("[nric]");
    }

    @Test
    void textWithNothingSensitiveIsReturnedAsIs() {
        String text = "message processed outcome=replied type=CHAT group=false attempt=1 durationMs=812";
        assertThat(redact(text)).isSameAs(text);
        assertThat(redact("")).isEmpty();
    }

    @Test
    void mixedTextIsRedactedInOnePass() {
        String text = "user +65 8123 4567 (6581234567@c.us, someone@example.com) sent sk-abc123def456ghi789jkl"
                + " and S1234567D at 2026-11-24T18:27:27.712Z";
        assertThat(redact(text))
                .isEqualTo("user [phone] ([jid], [email]) sent [secret] and [nric] at 2026-11-24T18:27:27.712Z");
    }
}

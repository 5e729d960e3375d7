package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PinnedDocumentTest {
    private static final URI MAIN = URI.create("https://web.whatsapp.com/");

    @Test
    void theMainDocumentMatchesWithAnyQueryOrFragment() {
        assertThat(PinnedDocument.isMainDocument(MAIN, "https://web.whatsapp.com/"))
                .isTrue();
        assertThat(PinnedDocument.isMainDocument(MAIN, "https://web.whatsapp.com/?post_logout=1"))
                .isTrue();
        assertThat(PinnedDocument.isMainDocument(MAIN, "https://web.whatsapp.com:443/#/chat"))
                .isTrue();
        assertThat(PinnedDocument.isMainDocument(MAIN, "https://WEB.whatsapp.com"))
                .isTrue();
    }

    @Test
    void otherAddressesDoNotMatch() {
        assertThat(PinnedDocument.isMainDocument(MAIN, "https://web.whatsapp.com/serviceworker.js"))
                .isFalse();
        assertThat(PinnedDocument.isMainDocument(MAIN, "http://web.whatsapp.com/"))
                .isFalse();
        assertThat(PinnedDocument.isMainDocument(MAIN, "https://static.whatsapp.net/?x=1"))
                .isFalse();
        assertThat(PinnedDocument.isMainDocument(MAIN, "https://web.whatsapp.com:8443/"))
                .isFalse();
        assertThat(PinnedDocument.isMainDocument(MAIN, "not a url")).isFalse();
    }

    @Test
    void aMainDocumentWithAPathMatchesOnlyThatPath() {
        URI imitation = URI.create("http://127.0.0.1:41234/wa/");

        assertThat(PinnedDocument.isMainDocument(imitation, "http://127.0.0.1:41234/wa/?missing=x"))
                .isTrue();
        assertThat(PinnedDocument.isMainDocument(imitation, "http://127.0.0.1:41234/wa/fake-wa.js"))
                .isFalse();
        assertThat(PinnedDocument.isMainDocument(imitation, "http://127.0.0.1:41234/fake/commands"))
                .isFalse();
    }
}

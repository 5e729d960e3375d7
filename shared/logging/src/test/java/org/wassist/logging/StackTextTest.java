package org.wassist.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackTextTest {
    @Test
    void writesFramesCausesAndSuppressedLikeTheJdk() {
        IllegalStateException root = new IllegalStateException("root");
        RuntimeException top = new RuntimeException("top", root);
        top.addSuppressed(new IllegalArgumentException("side"));

        String text = StackText.of(top);

        assertThat(text)
                .startsWith("java.lang.RuntimeException: top\n\tat ")
                .contains("\tSuppressed: java.lang.IllegalArgumentException: side\n")
                .contains("Caused by: java.lang.IllegalStateException: root\n")
                .contains("StackTextTest.writesFramesCausesAndSuppressedLikeTheJdk");
    }

    @Test
    void survivesACycleOfCauses() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(StackText.of(a)).contains("[circular reference: java.lang.RuntimeException]");
    }
}

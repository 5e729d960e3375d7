package org.wassist.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.Test;

class JtokkitTokenCounterTest {
    @Test
    void mapsModelNamesToEncodingsOurselves() {
        assertThat(JtokkitTokenCounter.encodingFor("gpt-4o-mini")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(JtokkitTokenCounter.encodingFor("gpt-4.1-mini")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(JtokkitTokenCounter.encodingFor("gpt-5")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(JtokkitTokenCounter.encodingFor("gpt-4-turbo")).isEqualTo(EncodingType.CL100K_BASE);
        assertThat(JtokkitTokenCounter.encodingFor("gpt-3.5-turbo")).isEqualTo(EncodingType.CL100K_BASE);
        assertThat(JtokkitTokenCounter.encodingFor("llama3.2:3b")).isEqualTo(EncodingType.O200K_BASE);
    }

    @Test
    void countsTokensOffline() {
        TokenCounter counter = JtokkitTokenCounter.forModel("gpt-4o-mini");

        assertThat(counter.count("hello world")).isEqualTo(2);
        assertThat(counter.count("")).isZero();
    }
}

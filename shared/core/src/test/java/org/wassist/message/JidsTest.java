package org.wassist.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JidsTest {
    @Test
    void readsPhonesFromUserIdsOnly() {
        assertThat(Jids.phoneOf("4915100000001@c.us")).isEqualTo("4915100000001");
        assertThat(Jids.phoneOf("4915100000001:12@s.whatsapp.net")).isEqualTo("4915100000001");
        assertThat(Jids.phoneOf("+49 151-0000 0001")).isEqualTo("4915100000001");
        assertThat(Jids.phoneOf("123456789012345@lid")).isNull();
        assertThat(Jids.phoneOf("120363000000000001@g.us")).isNull();
        assertThat(Jids.phoneOf("status@broadcast")).isNull();
    }

    @Test
    void classifiesIds() {
        assertThat(Jids.isGroup("120363000000000001@g.us")).isTrue();
        assertThat(Jids.isLid("1@lid")).isTrue();
        assertThat(Jids.isLid("1@c.us")).isFalse();
    }
}

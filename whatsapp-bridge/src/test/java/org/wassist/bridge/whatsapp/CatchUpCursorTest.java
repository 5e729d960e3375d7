package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wassist.message.MessageCodec;

/** The catch-up pages on from the last message's time, skipping exactly what it already listed at that time. */
class CatchUpCursorTest {
    private static ArrayNode page(Object... idsAndTimes) {
        ArrayNode page = MessageCodec.mapper().createArrayNode();
        for (int i = 0; i < idsAndTimes.length; i += 2) {
            page.addObject().put("id", (String) idsAndTimes[i]).put("t", (Long) idsAndTimes[i + 1]);
        }
        return page;
    }

    @Test
    void theNextPageStartsAtTheLastTimeAndSkipsWhatWasListedThen() {
        CatchUp.Cursor start = new CatchUp.Cursor(100, List.of());

        CatchUp.Cursor next = start.after(page("a", 100L, "b", 105L, "c", 107L, "d", 107L));

        assertThat(next).isEqualTo(new CatchUp.Cursor(107, List.of("c", "d")));
    }

    @Test
    void pagesWithinOneSecondKeepAddingToWhatIsSkipped() {
        CatchUp.Cursor start = new CatchUp.Cursor(107, List.of("c", "d"));

        CatchUp.Cursor next = start.after(page("e", 107L, "f", 107L));

        assertThat(next).isEqualTo(new CatchUp.Cursor(107, List.of("c", "d", "e", "f")));
        assertThat(next.args(500))
                .containsEntry("sinceSeconds", 107.0)
                .containsEntry("skip", List.of("c", "d", "e", "f"))
                .containsEntry("limit", 500);
    }
}

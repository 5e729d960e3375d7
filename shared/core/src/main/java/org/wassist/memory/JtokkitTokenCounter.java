package org.wassist.memory;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Locale;

/**
 * Token counts from jtokkit's bundled encodings. The model-to-encoding map is ours: jtokkit's own lookup matches by
 * prefix and maps newer models (gpt-4.1, gpt-5) to the wrong encoding. Unknown models (any OpenAI-compatible server)
 * use o200k_base, a reasonable estimate for modern tokenizers.
 */
public final class JtokkitTokenCounter implements TokenCounter {
    private final Encoding encoding;

    private JtokkitTokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    public static JtokkitTokenCounter forModel(String model) {
        return new JtokkitTokenCounter(Encodings.newLazyEncodingRegistry().getEncoding(encodingFor(model)));
    }

    static EncodingType encodingFor(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        if (m.startsWith("gpt-3.5") || (m.startsWith("gpt-4") && !m.startsWith("gpt-4o") && !m.startsWith("gpt-4.")))
            return EncodingType.CL100K_BASE;
        if (m.startsWith("text-embedding-")) return EncodingType.CL100K_BASE;
        return EncodingType.O200K_BASE;
    }

    @Override
    public int count(String text) {
        return encoding.countTokensOrdinary(text);
    }
}

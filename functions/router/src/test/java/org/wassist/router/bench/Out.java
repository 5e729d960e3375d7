package org.wassist.router.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The one place benchmarks print: their figures go to standard output, as a command's result. */
final class Out {
    private static final PrintStream STDOUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private Out() {}

    static void line(String text) {
        STDOUT.println(text);
    }
}

package org.wassist.bridge.whatsapp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.wassist.bridge.whatsapp.BridgeBenchmark.Out;

/** The container check's findings as PASS, FAIL and INFO lines on standard output, and the exit code they add up to. */
final class Verdicts {
    private final List<String> failed = new ArrayList<>();
    private int checks;
    private String scenario = "";

    void scenario(String name) {
        this.scenario = name;
        Out.line("---- " + name);
    }

    /** One check; the detail is computed and printed only when it failed. */
    boolean check(String what, boolean ok, Supplier<?> detail) {
        checks++;
        if (ok) {
            Out.line("PASS " + scenario + ": " + what);
        } else {
            failed.add(scenario + ": " + what);
            Out.line("FAIL " + scenario + ": " + what + "\n     "
                    + String.valueOf(detail.get()).replace("\n", "\n     "));
        }
        return ok;
    }

    void fail(String what, String detail) {
        check(what, false, () -> detail);
    }

    void info(String line) {
        Out.line("INFO " + scenario + ": " + line);
    }

    /** Prints the summary; 0 when every check passed, else 1. */
    int summary() {
        if (failed.isEmpty()) {
            Out.line("container check: all " + checks + " checks passed");
            return 0;
        }
        Out.line("container check: " + failed.size() + " of " + checks + " checks FAILED:");
        failed.forEach(f -> Out.line("  " + f));
        return 1;
    }
}

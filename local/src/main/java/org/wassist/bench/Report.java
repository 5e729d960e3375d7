package org.wassist.bench;

import java.util.function.ToLongFunction;

/** Prints a phase's figures as a markdown table (milliseconds) with throughput and integrity checks. */
final class Report {
    private Report() {}

    static void print(PhaseResult r, String pace) {
        Out.line("");
        Out.line("### " + r.name() + ": " + r.size() + " messages across " + r.chats() + " chats, " + pace);
        Out.line("");
        if (r.times().isEmpty()) {
            Out.line("No message was answered.");
            return;
        }
        Out.line("| ms | p50 | p90 | p99 | max |");
        Out.line("|---|---|---|---|---|");
        row(r, "accepted → reply performed", t -> t.performed() - t.accepted());
        row(r, "model call (fake, as the router saw it)", t -> t.modelEnd() - t.modelStart());
        row(
                r,
                "**overhead: accepted → performed − model call**",
                t -> t.performed() - t.accepted() - (t.modelEnd() - t.modelStart()));
        row(r, "accepted → model call starts", t -> t.modelStart() - t.accepted());
        row(r, "model call ends → reply performed", t -> t.performed() - t.modelEnd());
        long first = r.times().stream()
                .mapToLong(PipelineProbe.Times::accepted)
                .min()
                .orElse(0);
        long last = r.times().stream()
                .mapToLong(PipelineProbe.Times::performed)
                .max()
                .orElse(0);
        double seconds = (last - first) / 1e9;
        Out.line("");
        Out.line("Throughput: " + Stats.f1(r.times().size() / seconds) + " messages/s ("
                + r.times().size()
                + " replies in " + Stats.f1(seconds) + " s, first accepted to last performed). Lost: " + r.lost()
                + ", repeated replies: " + r.repeated() + ", chats out of order: " + r.disordered() + ".");
    }

    private static void row(PhaseResult r, String label, ToLongFunction<PipelineProbe.Times> nanos) {
        Stats s = new Stats(
                r.times().stream().mapToDouble(t -> nanos.applyAsLong(t) / 1e6).toArray());
        Out.line("| " + label + " | " + Stats.f2(s.median()) + " | " + Stats.f2(s.percentile(90)) + " | "
                + Stats.f2(s.percentile(99)) + " | " + Stats.f2(s.percentile(100)) + " |");
    }
}

package org.npustudio.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tallies conformance outcomes and renders the summary printed by the test and kept in target/. */
final class ConformanceReport {
    enum Outcome { PASS, ORT_CANNOT, INPUT_NOT_TENSOR, EXPORTER_FAULT }

    record Entry(String caseName, Outcome outcome, String detail) {}

    private final List<Entry> entries = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(String caseName, Outcome outcome, String detail) {
        entries.add(new Entry(caseName, outcome, detail));
    }

    void note(String line) { notes.add(line); }

    long count(Outcome o) {
        return entries.stream().filter(e -> e.outcome() == o).count();
    }

    List<Entry> of(Outcome o) {
        return entries.stream().filter(e -> e.outcome() == o).toList();
    }

    String render(String title) {
        StringBuilder b = new StringBuilder(title).append('\n');
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) counts.put(o, count(o));
        b.append("cases: ").append(entries.size()).append("  ").append(counts).append('\n');
        for (String n : notes) b.append(n).append('\n');
        for (Entry e : of(Outcome.EXPORTER_FAULT)) b.append("EXPORTER_FAULT ").append(e.caseName()).append(": ").append(e.detail()).append('\n');
        b.append("\nORT_CANNOT reasons (grouped):\n");
        group(b, Outcome.ORT_CANNOT);
        b.append("\nINPUT_NOT_TENSOR cases:\n");
        group(b, Outcome.INPUT_NOT_TENSOR);
        return b.toString();
    }

    /** Every case that did not pass, with its full detail (for the file, too long for the console). */
    String details() {
        StringBuilder b = new StringBuilder("\nDetails of every case that did not pass:\n");
        for (Entry e : entries) {
            if (e.outcome() != Outcome.PASS) b.append(e.outcome()).append(' ').append(e.caseName()).append(": ").append(e.detail()).append('\n');
        }
        return b.toString();
    }

    /**
     * Groups details that differ only in quoted names or in the text after " | " (numbers, examples),
     * so one ORT limitation shows as one line.
     */
    private void group(StringBuilder b, Outcome o) {
        Map<String, List<String>> groups = new TreeMap<>();
        for (Entry e : of(o)) groups.computeIfAbsent(normalize(e.detail()), k -> new ArrayList<>()).add(e.caseName());
        groups.entrySet().stream().sorted((x, y) -> y.getValue().size() - x.getValue().size()).forEach(g -> {
            List<String> cases = g.getValue();
            b.append(String.format("%5d  %s%n       e.g. %s%n", cases.size(), g.getKey(),
                    String.join(", ", cases.subList(0, Math.min(4, cases.size())))));
        });
    }

    static String normalize(String detail) {
        int bar = detail.indexOf(" | ");
        String key = bar < 0 ? detail : detail.substring(0, bar);
        return key.replaceAll("'[^']*'", "'…'").replaceAll("\\s+", " ").strip();
    }

    void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}

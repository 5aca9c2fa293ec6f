package org.npustudio.app.ui.diff;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.npustudio.diff.IrTextDiff;

/**
 * The textual IR of the selected step as a diff (one line per node, "-" removed, "+" added), syntax
 * highlighted, read-only. Clicking a line tells the owner which node it shows; the owner asks it to
 * reveal the line of a node selected in a graph.
 */
final class IrDiffPane extends BorderPane {
    private static final Pattern TOKENS = Pattern.compile(
            "(?<header>^(?:inputs|outputs):)|(?<comment>#.*$)|(?<attrs>\\{[^}]*\\})|(?<op>(?<== )[A-Za-z_][\\w.]*(?=\\())"
                    + "|(?<value>%[^\\s,()<>]+)|(?<constant><[^>]*>)");
    private final CodeArea area = new CodeArea();
    private final Label summary = new Label();
    private List<IrTextDiff.Line> lines = List.of();
    private Consumer<IrTextDiff.Line> onLineChosen = l -> {};
    private boolean revealing;

    IrDiffPane() {
        setId("ir-diff-pane");
        getStyleClass().add("ir-diff-pane");
        area.setId("ir-diff");
        area.setEditable(false);
        area.getStyleClass().add("ir-diff");
        area.currentParagraphProperty().addListener((o, was, now) -> {
            if (revealing || now == null) return;
            int p = now;
            if (p >= 0 && p < lines.size()) onLineChosen.accept(lines.get(p));
        });
        summary.setId("ir-diff-summary");
        summary.getStyleClass().add("ir-diff-summary");
        summary.setPadding(new Insets(3, 8, 3, 8));
        setTop(summary);
        setCenter(new VirtualizedScrollPane<>(area));
    }

    /** Told when the user puts the caret on a line (not when {@link #reveal} moves it). */
    void setOnLineChosen(Consumer<IrTextDiff.Line> c) { onLineChosen = c == null ? l -> {} : c; }

    CodeArea area() { return area; }

    List<IrTextDiff.Line> lines() { return lines; }

    void show(List<IrTextDiff.Line> diff) {
        lines = List.copyOf(diff);
        long removed = lines.stream().filter(l -> l.kind() == IrTextDiff.Kind.REMOVED).count();
        long added = lines.stream().filter(l -> l.kind() == IrTextDiff.Kind.ADDED).count();
        summary.setText("IR  \u00B7  " + (removed + added == 0 ? "no change" : removed + " removed, " + added + " added lines"));
        ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> doc =
                new ReadOnlyStyledDocumentBuilder<>(area.getSegOps(), List.of());
        for (IrTextDiff.Line l : lines) {
            String text = l.unified();
            doc.addParagraph(text, highlight(text), List.of(paragraphClass(l.kind())));
        }
        revealing = true;
        try {
            if (lines.isEmpty()) area.clear();
            else area.replace(0, area.getLength(), doc.build());
            area.moveTo(0);
            area.showParagraphAtTop(0);
        } finally {
            revealing = false;
        }
    }

    /**
     * Puts the caret on the line showing the node and scrolls it into view: the new graph's line first,
     * or the old graph's line first when the node was deleted ({@code deleted}).
     */
    void reveal(String oldId, String newId, boolean deleted) {
        int at = deleted ? lineOf(oldId, false) : -1;
        if (at < 0) at = lineOf(newId, true);
        if (at < 0) at = lineOf(oldId, false);
        if (at < 0) return;
        revealing = true;
        try {
            area.moveTo(at, 0);
            area.selectRange(at, 0, at, area.getParagraphLength(at));
            area.showParagraphAtCenter(at);
        } finally {
            revealing = false;
        }
    }

    /** The first line showing {@code id}: as a node of the new graph (not a removed line), or of the old graph. */
    private int lineOf(String id, boolean newSide) {
        if (id == null) return -1;
        for (int i = 0; i < lines.size(); i++) {
            IrTextDiff.Line l = lines.get(i);
            if (newSide ? id.equals(l.newId()) && l.kind() != IrTextDiff.Kind.REMOVED : id.equals(l.oldId())) return i;
        }
        return -1;
    }

    /** The line the caret is on, or -1. */
    int caretLine() { return lines.isEmpty() ? -1 : area.getCurrentParagraph(); }

    private static String paragraphClass(IrTextDiff.Kind k) {
        return switch (k) {
            case SAME -> "ir-same";
            case REMOVED -> "ir-removed";
            case ADDED -> "ir-added";
        };
    }

    /** Style classes over one line: diff marker, header keyword, op type, values, constants, attributes, comment. */
    static StyleSpans<Collection<String>> highlight(String text) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        spans.add(List.of("ir-marker"), Math.min(2, text.length()));
        String body = text.length() > 2 ? text.substring(2) : "";
        Matcher m = TOKENS.matcher(body);
        int last = 0;
        while (m.find()) {
            String cls = m.group("header") != null ? "ir-keyword" : m.group("comment") != null ? "ir-comment"
                    : m.group("attrs") != null ? "ir-attrs" : m.group("op") != null ? "ir-op"
                    : m.group("value") != null ? "ir-value" : "ir-constant";
            spans.add(List.of(), m.start() - last);
            spans.add(List.of(cls), m.end() - m.start());
            last = m.end();
        }
        spans.add(List.of(), body.length() - last);
        return spans.create();
    }
}

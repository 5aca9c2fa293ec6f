package org.npustudio.partition.editor.ui;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * YAML syntax colouring for the plan pane: keys, comments, quoted strings, numbers, list dashes and
 * brackets, by one regular expression over the text (a plan is a few thousand short lines at most).
 */
final class YamlHighlighter {
    private static final Pattern TOKENS = Pattern.compile(
            "(?<COMMENT>(?:^|(?<=\\s))#[^\\n]*)"
                    + "|(?<STRING>\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\n]|'')*')"
                    + "|(?<KEY>[A-Za-z_][\\w.\\-]*(?=:(?:[ \\t]|$)))"
                    + "|(?<NUMBER>(?<![\\w.])-?\\d+(?:\\.\\d+)?(?![\\w.]))"
                    + "|(?<DASH>(?<=^[ \\t]{0,40})-(?=[ \\t]))"
                    + "|(?<BRACKET>[\\[\\]{}])",
            Pattern.MULTILINE);
    private static final List<String> GROUPS = List.of("COMMENT", "STRING", "KEY", "NUMBER", "DASH", "BRACKET");

    private YamlHighlighter() {}

    static StyleSpans<Collection<String>> spans(String text) {
        Matcher m = TOKENS.matcher(text);
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String style = null;
            for (String g : GROUPS) {
                if (m.group(g) != null) {
                    style = "yaml-" + g.toLowerCase();
                    break;
                }
            }
            b.add(Collections.emptyList(), m.start() - last);
            b.add(Collections.singleton(style), m.end() - m.start());
            last = m.end();
        }
        b.add(Collections.emptyList(), text.length() - last);
        return b.create();
    }
}

package org.npustudio.app.ui.lesson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Renders a step's text (docs/lessons.md: paragraphs, {@code -} lists, {@code `code`}, {@code **bold**} and
 * figures {@code ![caption](path)} relative to the lesson folder) as wrapping text flows and images. The
 * text nodes take their size from the window's root font, so presenter mode scales them too.
 */
final class LessonText {
    private static final Pattern FIGURE = Pattern.compile("!\\[([^\\]]*)\\]\\(([^)]+)\\)");
    private static final Pattern INLINE = Pattern.compile("`([^`]+)`|\\*\\*([^*]+)\\*\\*");

    private LessonText() {}

    /** The rendered text; {@code width} is how wide figures may be drawn at most. */
    static VBox render(String text, Path folder, double width) {
        VBox box = new VBox(8);
        box.getStyleClass().add("lesson-text");
        List<String> list = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String raw : (text == null ? "" : text).split("\n", -1)) {
            String line = raw.strip();
            boolean item = line.startsWith("- ") || line.startsWith("* ");
            if (line.isEmpty() || item) flush(box, paragraph, folder, width);
            if (!item && !list.isEmpty()) {
                box.getChildren().add(list(list));
                list.clear();
            }
            if (item) list.add(line.substring(2).strip());
            else if (!line.isEmpty()) paragraph.append(paragraph.length() == 0 ? "" : " ").append(line);
        }
        flush(box, paragraph, folder, width);
        if (!list.isEmpty()) box.getChildren().add(list(list));
        return box;
    }

    /** A paragraph, split around its figures. */
    private static void flush(VBox box, StringBuilder paragraph, Path folder, double width) {
        if (paragraph.length() == 0) return;
        String p = paragraph.toString();
        paragraph.setLength(0);
        Matcher m = FIGURE.matcher(p);
        int at = 0;
        while (m.find()) {
            if (!p.substring(at, m.start()).isBlank()) box.getChildren().add(flow(p.substring(at, m.start()).strip()));
            box.getChildren().add(figure(m.group(1), folder.resolve(m.group(2)), width));
            at = m.end();
        }
        if (!p.substring(at).isBlank()) box.getChildren().add(flow(p.substring(at).strip()));
    }

    private static VBox list(List<String> items) {
        VBox v = new VBox(3);
        for (String i : items) {
            TextFlow f = flow(i);
            f.getChildren().add(0, text("\u2022  ", "lesson-bullet"));
            v.getChildren().add(f);
        }
        return v;
    }

    /** Inline `code` and **bold** within running text. */
    static TextFlow flow(String s) {
        TextFlow f = new TextFlow();
        f.getStyleClass().add("lesson-paragraph");
        Matcher m = INLINE.matcher(s);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) f.getChildren().add(text(s.substring(at, m.start()), null));
            f.getChildren().add(m.group(1) != null ? text(m.group(1), "lesson-code") : text(m.group(2), "lesson-bold"));
            at = m.end();
        }
        if (at < s.length()) f.getChildren().add(text(s.substring(at), null));
        return f;
    }

    private static Text text(String s, String styleClass) {
        Text t = new Text(s);
        t.getStyleClass().add("lesson-run");
        if (styleClass != null) t.getStyleClass().add(styleClass);
        return t;
    }

    /** An image with its caption; a missing or unreadable file says so instead. */
    private static Node figure(String caption, Path file, double width) {
        Label label = new Label(caption);
        label.getStyleClass().add("lesson-caption");
        label.setWrapText(true);
        if (!Files.isRegularFile(file)) {
            Label missing = new Label("(figure not found: " + file + ")");
            missing.getStyleClass().add("lesson-missing");
            return new VBox(2, missing, label);
        }
        Image image = new Image(file.toUri().toString(), false);
        ImageView view = new ImageView(image);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setFitWidth(Math.min(width, image.getWidth() > 0 ? image.getWidth() : width));
        view.getStyleClass().add("lesson-figure");
        VBox v = new VBox(4, view, label);
        v.getStyleClass().add("lesson-figure-box");
        return v;
    }
}

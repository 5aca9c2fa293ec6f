package org.npustudio.app.lesson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.npustudio.app.lesson.check.AnswerCheck;
import org.npustudio.app.lesson.check.CheckParams;
import org.npustudio.app.lesson.check.CheckTypes;
import org.npustudio.app.lesson.check.MeasureReader;
import org.npustudio.error.StudioException;
import org.npustudio.shape.ShapeBinding;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlException;
import org.npustudio.yaml.YamlNode;

/**
 * Reads {@code lesson.yaml} (docs/lessons.md) into a {@link Lesson}. Every mistake — an unknown key, step
 * type, check type or measure, a missing start file or figure — is one {@link StudioException} naming file,
 * line and problem. Node names are checked against the models by {@link LessonValidator#references}.
 */
public final class LessonReader {
    public static final String FILE = "lesson.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern FIGURE = Pattern.compile("!\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Set<String> TOP = Set.of("id", "title", "version", "minutes", "summary", "start", "steps");
    private static final Set<String> STEP = Set.of("id", "type", "title", "text", "view", "hints", "checks");

    private LessonReader() {}

    /** Reads a lesson from its folder or its lesson.yaml. */
    public static Lesson read(Path folderOrFile) throws StudioException {
        Path file = Files.isDirectory(folderOrFile) ? folderOrFile.resolve(FILE) : folderOrFile;
        if (!Files.isRegularFile(file)) {
            throw new StudioException(folderOrFile.toString(), "", Files.isDirectory(folderOrFile) ? "no " + FILE + " in this folder" : "no such lesson file");
        }
        Path folder = file.toAbsolutePath().getParent();
        YamlNode root = SafeYaml.read(file);
        refuseUnknown(root, TOP, "a lesson");
        String id = id(root.require("id"));
        int version = (int) root.require("version").positiveLong();
        int minutes = (int) root.require("minutes").positiveLong();
        List<StartFile> start = start(root.require("start"), folder);
        List<Step> steps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        YamlNode stepList = root.require("steps");
        for (YamlNode s : stepList.items()) {
            Step step = step(s, folder);
            if (!ids.add(step.id())) throw s.require("id").error("duplicate step id '" + step.id() + "'");
            steps.add(step);
        }
        if (steps.isEmpty()) throw stepList.error("a lesson needs at least one step");
        return new Lesson(folder, file, id, root.require("title").text(), version, minutes, root.require("summary").text().trim(), start, steps);
    }

    private static String id(YamlNode n) throws YamlException {
        String id = n.text();
        if (!ID.matcher(id).matches()) throw n.error("'" + id + "' is not an id: use lower-case letters, digits and '-'");
        return id;
    }

    private static void refuseUnknown(YamlNode map, Set<String> known, String what) throws YamlException {
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            if (!known.contains(e.getKey())) {
                throw e.getValue().error("unknown key '" + e.getKey() + "' in " + what + " (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    private static List<StartFile> start(YamlNode n, Path folder) throws YamlException {
        List<StartFile> out = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : n.entries().entrySet()) {
            String name = e.getKey();
            YamlNode v = e.getValue();
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".") || name.equals(Workspaces.STATE)) {
                throw v.error("'" + name + "' is not a workspace file name (a plain name such as model.onnx)");
            }
            YamlNode from = v;
            List<String> shapes = List.of();
            if (v.isMapping()) {
                refuseUnknown(v, Set.of("from", "input-shape"), "a start file");
                from = v.require("from");
                YamlNode s = v.get("input-shape");
                if (s != null) shapes = s.isSequence() ? s.textList() : List.of(s.text());
                if (!shapes.isEmpty() && !name.endsWith(".onnx")) throw s.error("input-shape applies to models (.onnx)");
                try {
                    ShapeBinding.parse(shapes, List.of());
                } catch (StudioException bad) {
                    throw s.error((bad.place().isEmpty() ? "" : bad.place() + ": ") + bad.problem());
                }
            }
            Path source = folder.resolve(from.text()).normalize();
            if (!Files.isRegularFile(source)) throw from.error("missing file " + source);
            out.add(new StartFile(name, source, shapes, Place.of(from)));
        }
        if (out.stream().noneMatch(f -> f.name().equals(Workspaces.MODEL))) throw n.error("start needs a " + Workspaces.MODEL);
        return out;
    }

    private static Step step(YamlNode n, Path folder) throws StudioException {
        YamlNode typeNode = n.require("type");
        StepType type = StepType.parse(typeNode.text());
        if (type == null) {
            throw typeNode.error("unknown step type '" + typeNode.text() + "' (known: theory, choice, numeric, predict, action)");
        }
        Set<String> known = new HashSet<>(STEP);
        known.addAll(switch (type) {
            case CHOICE -> Set.of("options", "multiple");
            case NUMERIC -> Set.of("answer", "tolerance", "unit");
            case PREDICT -> Set.of("measure", "tolerance", "unit");
            default -> Set.<String>of();
        });
        refuseUnknown(n, known, type.withArticle());
        String id = id(n.require("id"));
        String text = n.require("text").text();
        Question question = question(type, n);
        List<Check> checks = checks(n, type, question);
        return new Step(id, type, n.require("title").text(), text, figures(text, n.require("text"), folder), view(n.get("view")),
                question, hints(n.get("hints")), checks, Place.of(n));
    }

    private static List<String> figures(String text, YamlNode at, Path folder) throws YamlException {
        List<String> out = new ArrayList<>();
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            String path = m.group(1);
            if (!Files.isRegularFile(folder.resolve(path))) throw at.error("missing figure " + folder.resolve(path).normalize());
            out.add(path);
        }
        return out;
    }

    private static View view(YamlNode n) throws YamlException {
        if (n == null) return View.NONE;
        refuseUnknown(n, Set.of("tab", "select", "zoom"), "a view");
        String tab = n.get("tab") == null ? null : n.get("tab").text();
        if (tab != null && !View.TABS.contains(tab)) throw n.get("tab").error("unknown tab '" + tab + "' (known: " + String.join(", ", View.TABS) + ")");
        return new View(tab, n.get("select") == null ? null : n.get("select").text(), n.get("zoom") != null && n.get("zoom").booleanValue());
    }

    private static List<Hint> hints(YamlNode n) throws YamlException {
        List<Hint> out = new ArrayList<>();
        if (n == null) return out;
        for (YamlNode h : n.items()) {
            if (h.isScalar()) {
                out.add(new Hint(h.text(), 0));
            } else {
                refuseUnknown(h, Set.of("text", "after-failures"), "a hint");
                long after = h.get("after-failures") == null ? 0 : h.get("after-failures").longValue();
                if (after < 0) throw h.get("after-failures").error("must not be negative");
                out.add(new Hint(h.require("text").text(), (int) after));
            }
        }
        return out;
    }

    private static Question question(StepType type, YamlNode n) throws YamlException {
        return switch (type) {
            case CHOICE -> choice(n);
            case NUMERIC -> new Question.Numeric(n.require("answer").doubleValue(), tolerance(n.get("tolerance")), unit(n));
            case PREDICT -> new Question.Predict(MeasureReader.read(n.require("measure")), tolerance(n.get("tolerance")), unit(n));
            default -> null;
        };
    }

    private static String unit(YamlNode n) throws YamlException {
        return n.get("unit") == null ? "" : n.get("unit").text();
    }

    private static Question.Choice choice(YamlNode n) throws YamlException {
        boolean multiple = n.get("multiple") != null && n.get("multiple").booleanValue();
        YamlNode list = n.require("options");
        List<Question.Option> options = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode o : list.items()) {
            refuseUnknown(o, Set.of("id", "text", "correct"), "an option");
            String id = o.require("id").text().trim();
            if (id.isEmpty() || id.contains(",") || !ids.add(id)) throw o.require("id").error("option ids must be unique words without commas");
            options.add(new Question.Option(id, o.require("text").text(), o.get("correct") != null && o.get("correct").booleanValue()));
        }
        long correct = options.stream().filter(Question.Option::correct).count();
        if (options.size() < 2) throw list.error("a choice needs at least two options");
        if (correct == 0) throw list.error("no option is marked correct: true");
        if (!multiple && correct > 1) throw list.error("a single choice has exactly one correct option (or say multiple: true)");
        return new Question.Choice(multiple, options);
    }

    private static Tolerance tolerance(YamlNode n) throws YamlException {
        if (n == null) return Tolerance.EXACT;
        if (n.isScalar()) return new Tolerance(nonNegative(n), 0);
        refuseUnknown(n, Set.of("abs", "rel"), "a tolerance");
        return new Tolerance(n.get("abs") == null ? 0 : nonNegative(n.get("abs")), n.get("rel") == null ? 0 : nonNegative(n.get("rel")));
    }

    private static double nonNegative(YamlNode n) throws YamlException {
        double d = n.doubleValue();
        if (d < 0) throw n.error("must not be negative");
        return d;
    }

    private static List<Check> checks(YamlNode n, StepType type, Question question) throws StudioException {
        List<Check> out = new ArrayList<>();
        YamlNode list = n.get("checks");
        if (list != null) {
            if (type == StepType.THEORY) throw list.error("a theory step has no checks");
            for (YamlNode c : list.items()) out.add(check(c, out.size(), type));
        }
        if (question != null && out.stream().noneMatch(c -> c.type().equals("answer"))) {
            out.add(new Check(out.size(), "answer", new AnswerCheck(), 1, false, "Not yet right.", Place.of(n)));
        }
        if (type == StepType.ACTION && out.isEmpty()) throw n.error("an action step needs at least one check");
        return out;
    }

    private static Check check(YamlNode c, int index, StepType stepType) throws StudioException {
        if (!c.isMapping()) throw c.error("a check is a mapping such as {type: no_op, op: BatchNormalization, points: 2, message: ...}");
        CheckParams p = new CheckParams(c, CheckTypes.COMMON_KEYS);
        String type = c.require("type").text();
        if (type.equals("answer") && !stepType.answered()) throw c.require("type").error("an answer check belongs to a choice, numeric or predict step");
        long points = c.get("points") == null ? 1 : c.get("points").longValue();
        if (points < 0) throw c.get("points").error("points must not be negative");
        boolean hidden = c.get("hidden") != null && c.get("hidden").booleanValue();
        YamlNode message = c.get("message");
        if (message == null && !type.equals("answer")) throw c.error("missing required key 'message' (what the student reads when the check fails)");
        CheckRule rule = CheckTypes.parse(type, p);
        return new Check(index, type, rule, (int) points, hidden, message == null ? "Not yet right." : message.text().trim(), Place.of(c));
    }
}

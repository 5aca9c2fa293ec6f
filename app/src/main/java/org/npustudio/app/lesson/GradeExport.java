package org.npustudio.app.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.npustudio.io.Csv;

/**
 * A grade as JSON (Jackson) and CSV (one row per check) — docs/lessons.md "Grades". Hidden checks carry
 * "hidden check" instead of their message and detail in both.
 */
public final class GradeExport {
    public static final List<String> CSV_HEADER =
            List.of("lesson", "version", "workspace", "step", "check", "type", "hidden", "points", "earned", "passed", "message");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GradeExport() {}

    public static ObjectNode tree(Grade g) {
        ObjectNode root = JSON.createObjectNode();
        root.put("lesson", g.lesson().id());
        root.put("version", g.lesson().version());
        root.put("workspace", g.workspace() == null ? null : g.workspace().toAbsolutePath().toString());
        root.put("earned", g.earned());
        root.put("possible", g.possible());
        root.put("full", g.full());
        ArrayNode steps = root.putArray("steps");
        for (StepResult s : g.steps()) {
            ObjectNode st = steps.addObject();
            st.put("id", s.step().id());
            st.put("type", s.step().type().yamlName());
            st.put("title", s.step().title());
            st.put("earned", s.earned());
            st.put("possible", s.possible());
            ArrayNode checks = st.putArray("checks");
            for (CheckResult c : s.checks()) {
                ObjectNode ch = checks.addObject();
                ch.put("index", c.check().index());
                ch.put("type", c.check().type());
                ch.put("hidden", c.check().hidden());
                ch.put("points", c.possible());
                ch.put("earned", c.earned());
                ch.put("passed", c.passed());
                ch.put("message", c.studentMessage());
            }
        }
        return root;
    }

    public static String json(Grade g) {
        try {
            return JSON.writeValueAsString(tree(g)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header and one row per check (RFC 4180 through the project's one CSV format). */
    public static String csv(Grade g) {
        String ws = g.workspace() == null ? "" : g.workspace().toAbsolutePath().toString();
        return Csv.write(Csv.FORMAT, out -> {
            out.printRecord(CSV_HEADER);
            for (StepResult s : g.steps()) {
                for (CheckResult c : s.checks()) {
                    out.printRecord(g.lesson().id(), String.valueOf(g.lesson().version()), ws, s.step().id(),
                            String.valueOf(c.check().index()), c.check().type(), String.valueOf(c.check().hidden()),
                            String.valueOf(c.possible()), String.valueOf(c.earned()), String.valueOf(c.passed()), c.studentMessage());
                }
            }
        });
    }
}

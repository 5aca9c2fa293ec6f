package org.npustudio.profiler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.npustudio.npusim.sweep.Pareto;
import org.npustudio.npusim.sweep.SweepPoint;
import org.npustudio.npusim.sweep.SweepResults;
import org.npustudio.npusim.sweep.SweepRow;
import org.npustudio.npusim.sweep.SweepTable;

class SweepReportTest {
    @Test
    void oneScatterPerObjectivePairAndModelWithThatPairsFrontCounted() {
        Random rnd = new Random(5);
        List<SweepRow> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            SweepPoint p = new SweepPoint(i, i / 2, i % 2 == 0 ? "a<b" : "c", List.of(Integer.toString(8 << (i % 4))));
            rows.add(i % 7 == 3 ? SweepRow.invalid(p, "too small")
                    : new SweepRow(p, true, "", 1 + rnd.nextInt(100), 1 + rnd.nextInt(100), 1 + rnd.nextInt(10), 1, 0.5, Double.NaN, 1, 0));
        }
        SweepResults r = SweepResults.of(new SweepTable(List.of("array")), rows);
        String html = SweepReport.render("s.yaml", r);
        assertEquals(6, count(html, "<svg"));
        assertTrue(html.contains("<h2>a&lt;b</h2>"), "model names escaped");
        // The latency/energy chart of model "a<b" counts the 2-D front of its valid points.
        List<double[]> pts = new ArrayList<>();
        for (SweepRow row : r.rows()) if (row.point().model().equals("a<b")) pts.add(row.ok() ? new double[] {row.latencyUs(), row.energyUj()} : new double[] {Double.NaN, Double.NaN});
        int front = 0;
        for (boolean b : Pareto.bruteForce(pts.toArray(double[][]::new))) if (b) front++;
        Matcher m = Pattern.compile("Pareto front \\((\\d+)\\)").matcher(html);
        assertTrue(m.find());
        assertEquals(front, Integer.parseInt(m.group(1)));
        assertTrue(html.contains("invalid not shown"));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}

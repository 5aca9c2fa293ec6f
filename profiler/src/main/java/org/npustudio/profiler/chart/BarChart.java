package org.npustudio.profiler.chart;

import java.util.List;
import org.npustudio.graphview.scene.Painter;

/**
 * Horizontal bar charts, one panel beside the other: a label per row, one bar per series (largest value
 * across the panel = full width) and the row's value as text after its bars.
 */
public record BarChart(List<Panel> panels) implements Chart {
    private static final double BAR = 13;
    private static final double GAP = 5;
    private static final double PAD = 8;

    public BarChart {
        panels = List.copyOf(panels);
    }

    public static BarChart of(Panel... panels) { return new BarChart(List.of(panels)); }

    /** A series: its name (shown in a legend when a panel has more than one) and colour. */
    public record Series(String name, int argb) {}

    /** One row: {@code values} per series, {@code text} printed after the bars. */
    public record Row(String label, double[] values, String text) {}

    /** One chart: an optional title, its series and rows; {@code empty} is said when there are no rows. */
    public record Panel(String title, List<Series> series, List<Row> rows, String empty) {
        public Panel {
            series = List.copyOf(series);
            rows = List.copyOf(rows);
        }

        /** The same panel without its title (the report heads each chart with its own heading). */
        public Panel untitled() { return new Panel(null, series, rows, empty); }

        double rowHeight() { return series.size() * BAR + (series.size() - 1) + GAP; }

        double top() { return title == null && series.size() < 2 ? 4 : 26; }

        double height(double width) {
            if (rows.isEmpty()) return top() + ChartText.wrap(empty, ChartText.SIZE, false, width - 2 * PAD).size() * 16 + PAD;
            return top() + rows.size() * rowHeight() + 4;
        }
    }

    @Override
    public double height(double width) {
        double h = 0;
        for (Panel panel : panels) h = Math.max(h, panel.height(width / panels.size()));
        return h;
    }

    @Override
    public void draw(Painter p, double width, double height) {
        p.fillRect(0, 0, width, height, ChartText.BACKGROUND);
        double w = width / panels.size();
        for (int i = 0; i < panels.size(); i++) draw(p, panels.get(i), i * w, w);
    }

    private static void draw(Painter p, Panel panel, double x, double w) {
        if (panel.title() != null) p.text(panel.title(), x + PAD, 17, ChartText.TITLE, true, ChartText.TEXT);
        if (panel.series().size() > 1 && !panel.rows().isEmpty()) legend(p, panel.series(), x + w - PAD, 17);
        double y = panel.top();
        if (panel.rows().isEmpty()) {
            for (String line : ChartText.wrap(panel.empty(), ChartText.SIZE, false, w - 2 * PAD)) {
                p.text(line, x + PAD, y + 12, ChartText.SIZE, false, ChartText.TEXT);
                y += 16;
            }
            return;
        }
        double labelW = 0, textW = 0, max = 0;
        for (Row r : panel.rows()) {
            labelW = Math.max(labelW, Painter.textWidth(r.label(), ChartText.SIZE, false));
            textW = Math.max(textW, Painter.textWidth(r.text(), ChartText.SIZE, false));
            for (double v : r.values()) max = Math.max(max, v);
        }
        labelW = Math.min(labelW, w * 0.4);
        double barX = x + PAD + labelW + 6;
        double room = Math.max(0, x + w - PAD - textW - 5 - barX);
        for (Row r : panel.rows()) {
            double by = y;
            double longest = 0;
            p.text(ChartText.fit(r.label(), ChartText.SIZE, labelW), barX - 6, y + (panel.rowHeight() - GAP) / 2 + 4,
                    ChartText.SIZE, false, ChartText.TEXT, Painter.Anchor.END);
            for (int s = 0; s < panel.series().size(); s++) {
                double bw = max > 0 ? room * r.values()[s] / max : 0;
                p.fillRect(barX, by, bw, BAR, panel.series().get(s).argb());
                longest = Math.max(longest, bw);
                by += BAR + 1;
            }
            p.text(r.text(), barX + longest + 5, y + (panel.rowHeight() - GAP) / 2 + 4, ChartText.SIZE, false, ChartText.TEXT);
            y += panel.rowHeight();
        }
    }

    /** Swatches and names, right-aligned to {@code right}. */
    private static void legend(Painter p, List<Series> series, double right, double baseline) {
        double x = right;
        for (int i = series.size() - 1; i >= 0; i--) {
            Series s = series.get(i);
            p.text(s.name(), x, baseline, ChartText.SIZE, false, ChartText.TEXT, Painter.Anchor.END);
            x -= Painter.textWidth(s.name(), ChartText.SIZE, false) + 14;
            p.fillRect(x, baseline - 9, 10, 10, s.argb());
            x -= 12;
        }
    }
}

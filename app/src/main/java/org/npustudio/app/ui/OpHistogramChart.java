package org.npustudio.app.ui;

import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * The op histogram as horizontal bars, most frequent at the top. Beyond {@link #MAX_BARS} operators the
 * rest are folded into one "other" bar so the labels stay readable; the table lists them all.
 */
final class OpHistogramChart extends BarChart<Number, String> {
    static final int MAX_BARS = 14;

    OpHistogramChart(List<OpCount> rows) {
        super(new NumberAxis(), new CategoryAxis());
        setId("op-histogram-chart");
        setAnimated(false);
        setLegendVisible(false);
        setBarGap(2);
        setCategoryGap(6);
        getXAxis().setLabel("nodes");
        int max = rows.isEmpty() ? 1 : rows.get(0).count();
        integerAxis((NumberAxis) getXAxis(), max);
        // Few operators would otherwise give a handful of very thick bars.
        setMaxHeight(Math.min(rows.size(), MAX_BARS) * 34 + 90);

        XYChart.Series<Number, String> series = new XYChart.Series<>();
        int shown = Math.min(rows.size(), rows.size() > MAX_BARS ? MAX_BARS - 1 : MAX_BARS);
        int other = 0;
        for (int i = shown; i < rows.size(); i++) other += rows.get(i).count();
        // Category axes run bottom-up, so add the smallest first to put the largest on top.
        if (other > 0) series.getData().add(new XYChart.Data<>(other, "other (" + (rows.size() - shown) + " ops)"));
        for (int i = shown - 1; i >= 0; i--) series.getData().add(new XYChart.Data<>(rows.get(i).count(), rows.get(i).op()));
        getData().add(series);
    }

    /** Counts are whole numbers: fixed range from 0 with an integer tick step of 1, 2 or 5 × 10^k. */
    private static void integerAxis(NumberAxis axis, int max) {
        long step = 1;
        while (max / step > 10) {
            long s = step;
            step = max / (2 * s) <= 10 ? 2 * s : max / (5 * s) <= 10 ? 5 * s : 10 * s;
        }
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound((max / step + 1) * step);
        axis.setTickUnit(step);
        axis.setMinorTickVisible(false);
    }
}

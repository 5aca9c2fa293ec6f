package org.npustudio.profiler.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.npustudio.npusim.sim.ScheduleEntry;
import org.npustudio.profiler.data.ColorScale;
import org.npustudio.profiler.data.Metric;
import org.npustudio.profiler.data.Profile;

/** The schedule as a Gantt chart: one lane per device and one for host-link transfers. */
final class TimelineCanvas extends ChartCanvas {
    private Profile profile;

    TimelineCanvas() {
        super("timeline");
    }

    void show(Profile p) {
        profile = p;
        redraw();
    }

    @Override
    void draw(GraphicsContext g, double w, double h) {
        if (profile == null || w < 120) return;
        List<String> lanes = new ArrayList<>();
        for (ScheduleEntry e : profile.run().schedule()) if (!lanes.contains(e.lane())) lanes.add(e.lane());
        lanes.sort((a, b) -> a.equals(ScheduleEntry.HOST_LINK) ? 1 : b.equals(ScheduleEntry.HOST_LINK) ? -1 : 0);
        double l = 110, rowH = 26, end = Math.max(profile.makespanMicros(), 1e-9);
        g.setFont(javafx.scene.text.Font.font(11));
        for (int i = 0; i < lanes.size(); i++) {
            g.setFill(Color.gray(0.2));
            g.fillText(lanes.get(i), 6, 20 + i * rowH);
        }
        for (ScheduleEntry e : profile.run().schedule()) {
            int row = lanes.indexOf(e.lane());
            double x = l + e.startSeconds() * 1e6 / end * (w - l - 10);
            double bw = Math.max(0.5, e.durationSeconds() * 1e6 / end * (w - l - 10));
            g.setFill(Color.web(ColorScale.CATEGORICAL_HEX[row % ColorScale.CATEGORICAL_HEX.length]));
            g.fillRect(x, 6 + row * rowH, bw, rowH - 8);
        }
        g.setFill(Color.gray(0.3));
        g.fillText("0", l, lanes.size() * rowH + 16);
        g.fillText(Metric.LATENCY.format(profile.makespanMicros()), w - 80, lanes.size() * rowH + 16);
    }
}

package org.npustudio.host;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;

/**
 * ONNX Runtime's profiler output (a Chrome-trace JSON array) reduced to what a host profile needs: the
 * duration of each {@code model_run} (cat "Session") and, per run, the summed {@code dur} of every
 * {@code <node>_kernel_time} event (cat "Node") by node name. A kernel event belongs to the run whose
 * time span contains its start; all durations are microseconds. Public so that a profile written by
 * ONNX Runtime elsewhere can be read as an overlay (profiler's {@code ExternalOverlay}).
 */
public record OrtTrace(List<Double> runMicros, List<Map<String, Double>> nodeMicrosPerRun, Map<String, String> opOf) {
    private static final String KERNEL = "_kernel_time";

    public static OrtTrace read(Path file) throws StudioException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JacksonException e) {
            throw new StudioException(file.toString(), "", "ONNX Runtime's profile is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new StudioException(file.toString(), "", "cannot read ONNX Runtime's profile: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) throw new StudioException(file.toString(), "", "ONNX Runtime's profile is not a list of events");
        return of(root);
    }

    public static OrtTrace of(JsonNode events) {
        List<double[]> runs = new ArrayList<>(); // {start, end}
        for (JsonNode e : events) {
            if ("Session".equals(e.path("cat").asText()) && "model_run".equals(e.path("name").asText())) {
                double ts = e.path("ts").asDouble();
                runs.add(new double[] {ts, ts + e.path("dur").asDouble()});
            }
        }
        runs.sort((a, b) -> Double.compare(a[0], b[0]));
        List<Map<String, Double>> perRun = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) perRun.add(new HashMap<>());
        Map<String, String> ops = new HashMap<>();
        for (JsonNode e : events) {
            String name = e.path("name").asText();
            if (!"Node".equals(e.path("cat").asText()) || !name.endsWith(KERNEL)) continue;
            int run = runOf(runs, e.path("ts").asDouble());
            if (run < 0) continue;
            String node = name.substring(0, name.length() - KERNEL.length());
            perRun.get(run).merge(node, e.path("dur").asDouble(), Double::sum);
            ops.putIfAbsent(node, e.path("args").path("op_name").asText(""));
        }
        return new OrtTrace(runs.stream().map(r -> r[1] - r[0]).toList(), perRun, ops);
    }

    /** Each node's kernel time averaged over the runs it appears in (µs), by ORT's node name. */
    public Map<String, Double> meanNodeMicros() {
        Map<String, double[]> acc = new HashMap<>(); // {sum, count}
        for (Map<String, Double> run : nodeMicrosPerRun) {
            run.forEach((node, us) -> {
                double[] a = acc.computeIfAbsent(node, k -> new double[2]);
                a[0] += us;
                a[1]++;
            });
        }
        Map<String, Double> out = new HashMap<>();
        acc.forEach((node, a) -> out.put(node, a[0] / a[1]));
        return out;
    }

    /** The run whose span holds {@code ts}: the last run starting at or before it, if it has not ended. */
    private static int runOf(List<double[]> runs, double ts) {
        int lo = 0, hi = runs.size() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (runs.get(mid)[0] <= ts) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && ts <= runs.get(found)[1] ? found : -1;
    }
}

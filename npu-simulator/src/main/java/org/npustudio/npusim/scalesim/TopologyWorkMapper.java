package org.npustudio.npusim.scalesim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.npusim.work.GemmWork;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.npusim.work.WorkNode;
import org.npustudio.shape.WindowGeometry;

/**
 * A SCALE-Sim topology as a work graph: every row is an independent layer (SCALE-Sim does not connect
 * them) reading its own ifmap and filter and writing its own ofmap, taken literally (no padding; a
 * depthwise row is whatever its channels and filters say). Node ids are the layer names (made unique).
 */
public final class TopologyWorkMapper {
    private TopologyWorkMapper() {}

    public static WorkGraph map(String name, List<TopologyLayer> layers) {
        List<WorkNode> nodes = new ArrayList<>();
        Map<String, long[]> shapes = new HashMap<>();
        Set<String> outputs = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (TopologyLayer l : layers) {
            String id = l.name();
            for (int k = 2; !ids.add(id); k++) id = l.name() + "__" + k;
            String in = id + "/ifmap";
            String w = id + "/filter";
            String out = id + "/ofmap";
            boolean isGemm = l.ifmapW() == 1 && l.filterH() == 1 && l.filterW() == 1 && l.stride() == 1 && l.gemm().m() == l.ifmapH();
            long touched;
            if (isGemm) {
                touched = l.gemm().m() * l.gemm().k();
                shapes.put(in, new long[] {l.gemm().m(), l.gemm().k()});
                shapes.put(out, new long[] {l.gemm().m(), l.gemm().n()});
            } else {
                // SCALE-Sim pads nothing and gives the ofmap size itself (ceil((ifmap - filter + stride) / stride)).
                WindowGeometry g = WindowGeometry.unpadded(new long[] {l.filterH(), l.filterW()}, l.stride());
                touched = l.channels() * g.touchedInputs(new long[] {l.ifmapH(), l.ifmapW()}, new long[] {l.ofmapH(), l.ofmapW()});
                shapes.put(in, new long[] {1, l.channels(), l.ifmapH(), l.ifmapW()});
                shapes.put(out, new long[] {1, l.filters(), l.ofmapH(), l.ofmapW()});
            }
            shapes.put(w, new long[] {l.filterElements()});
            long[] inElems = {touched, l.filterElements()};
            GemmWork work = new GemmWork(isGemm ? "Gemm" : "Conv", l.gemm(), 1, inElems, new boolean[] {false, true},
                    new long[] {l.gemm().m() * l.gemm().n()}, (int) (l.filterH() + l.stride()));
            nodes.add(new WorkNode(id, work.opType(), List.of(in, w), List.of(out), work));
            outputs.add(out);
        }
        return new WorkGraph(name, nodes, shapes, outputs, List.of());
    }
}

package org.npustudio.profiler.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.ValueInfo;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.shape.ShapeInference;
import org.npustudio.testdata.CsvOracle;
import org.npustudio.testdata.TestData;

/** ops.csv keeps node names whole, whatever exporters put in them: commas, quotes, colons, line breaks, edge spaces. */
class CsvExportQuotingTest {
    static final List<String> NAMES = List.of("/blocks.0/attn/Relu", "concat,1 \"skip\":0", "multi\nline", "#3", " padded ");

    @Test
    void awkwardNodeNamesReadBackUnchanged() throws Exception {
        Graph g = new Graph("awkward");
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 8, 16, 16)));
        String value = "x";
        for (int i = 0; i < NAMES.size(); i++) {
            g.addNode(new Node(NAMES.get(i), NAMES.get(i), "Relu", "", List.of(value), List.of("v" + i)));
            value = "v" + i;
        }
        g.addOutput(ValueInfo.tensor(value, DataType.FLOAT, Shape.of(1, 8, 16, 16)));
        Model m = new Model(g);
        ShapeInference.infer(m);
        NpuConfig npu = new DeviceConfigReader().read(TestData.inCheckout("samples/npu/edge-npu-8tops.yaml")).npu();
        Profile p = Profile.of(SimulationService.simulate(m.graph(), npu, null, null, SimulationService.Options.DEFAULT), m);

        String csv = CsvExport.render(p);
        CsvOracle.Table t = CsvOracle.read(csv);
        assertEquals(NAMES, t.column("id"));
        assertEquals(NAMES, t.column("name"));
        assertEquals(List.of("Relu", "Relu", "Relu", "Relu", "Relu"), t.column("op"));
        assertTrue(csv.contains("\n\"concat,1 \"\"skip\"\":0\",\"concat,1 \"\"skip\"\":0\",Relu,"), "RFC 4180 quoting, quotes doubled: " + csv);
        assertTrue(csv.startsWith(String.join(",", CsvExport.COLUMNS) + "\n/blocks.0/attn/Relu,/blocks.0/attn/Relu,Relu,"),
                "a plain name is not quoted, records end with \\n: " + csv);
    }
}

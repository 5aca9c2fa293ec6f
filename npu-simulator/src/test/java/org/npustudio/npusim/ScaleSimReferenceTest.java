package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.npustudio.npusim.scalesim.ConfigReader;
import org.npustudio.npusim.scalesim.ScaleSimConfig;
import org.npustudio.npusim.scalesim.TopologyLayer;
import org.npustudio.npusim.scalesim.TopologyReader;
import org.npustudio.testdata.CsvOracle;
import org.npustudio.testdata.TestData;

/** Our compute model against SCALE-Sim v2's own COMPUTE_REPORT.csv for ResNet-18 on a 256x256 array. */
class ScaleSimReferenceTest {
    static Path reference() {
        return TestData.shared("reference/scalesim");
    }

    @ParameterizedTest
    @CsvSource({"google_os.cfg, out_os", "google.cfg, out_ws"})
    void totalCyclesMatchScaleSimExactlyOnEveryLayer(String cfg, String out) throws Exception {
        Path ref = reference();
        ScaleSimConfig config = ConfigReader.read(ref.resolve(cfg));
        List<TopologyLayer> layers = TopologyReader.read(ref.resolve("Resnet18.csv"));
        SystolicArray array = new SystolicArray(config.arrayHeight(), config.arrayWidth(), config.dataflow());
        CsvOracle.Table report = CsvOracle.scaleSim(ref.resolve(out).resolve("COMPUTE_REPORT.csv"));
        assertEquals(layers.size(), report.rows().size());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            long expected = Long.parseLong(report.get(i, "Total Cycles"));
            double overallUtil = Double.parseDouble(report.get(i, "Overall Util %")) / 100;
            double mappingEff = Double.parseDouble(report.get(i, "Mapping Efficiency %")) / 100;
            double computeUtil = Double.parseDouble(report.get(i, "Compute Util %")) / 100;
            ComputeCost c = array.compute(layers.get(i).gemm());
            if (c.cycles() != expected) mismatches.add(layers.get(i).name() + ": " + c.cycles() + " vs " + expected);
            assertEquals(mappingEff, c.mappingEfficiency(), 1e-12, layers.get(i).name() + " mapping efficiency");
            assertEquals(overallUtil, c.utilisation(), 1e-12, layers.get(i).name() + " utilisation");
            assertEquals(computeUtil, c.computeUtilisation(), 1e-12, layers.get(i).name() + " compute utilisation");
        }
        assertTrue(mismatches.isEmpty(), config.dataflow() + " cycle mismatches: " + mismatches);
        System.out.println("[scalesim " + config.dataflow() + "] " + layers.size() + "/" + layers.size() + " layers match Total Cycles exactly");
    }
}

package org.npustudio.npusim.precision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Model;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.quant.CalibrationSet;
import org.npustudio.passes.quant.QuantConfig;
import org.npustudio.passes.quant.QuantOptions;
import org.npustudio.passes.quant.QuantizationReport;
import org.npustudio.passes.quant.QuantizeJob;
import org.npustudio.plan.Precision;
import org.npustudio.samples.SampleLibrary;

/**
 * Equalisation across MobileNetV2's ReLU6 (Clip(0, 6)) pairs, kept exact by per-channel bounds: which
 * pairs it reaches and what it does to int8 and weight-only int8 (docs/quantization.md, "Refinements").
 */
class MobileNetV2EqualisationTest {
    @Test
    void equalisationReachesTheRelu6Pairs() throws Exception {
        Model fp32 = SampleLibrary.build("mobilenetv2");
        double[][] db = new double[2][2];
        int[] pairs = new int[2], skipped = new int[2];
        Precision[] ps = {Precision.INT8, Precision.INT8_W16A};
        for (int eq = 0; eq < 2; eq++) {
            for (int k = 0; k < 2; k++) {
                Model m = ModelCopy.of(fp32);
                QuantConfig cfg = QuantConfig.defaults().withLayers(Map.of(), ps[k]).withOptions(new QuantOptions(0, false, eq == 1, null));
                QuantizationReport r = QuantizeJob.run(m, cfg, Map.of(), ps[k], CalibrationSet.random(fp32, cfg, 8, 1000)).report();
                db[eq][k] = r.outputSqnrDb();
                pairs[eq] = r.equalizedPairs();
                skipped[eq] = r.equalizationSkipped();
            }
            System.out.printf(Locale.ROOT, "MobileNetV2 sample, equalise %s: %d pairs, %d skipped; int8 %.1f dB, int8w16a %.1f dB%n",
                    eq == 1, pairs[eq], skipped[eq], db[eq][0], db[eq][1]);
        }
        assertEquals(0, skipped[1], "every Conv -> ReLU6 -> Conv pair is equalised now");
        assertTrue(pairs[1] >= 34, pairs[1] + " pairs");
        assertTrue(db[1][1] > db[0][1] - 1, "weight-only int8 " + db[0][1] + " -> " + db[1][1]);
    }
}

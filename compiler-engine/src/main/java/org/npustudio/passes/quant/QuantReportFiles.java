package org.npustudio.passes.quant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.npustudio.error.StudioException;

/**
 * A quantization report as files: {@code layers.csv} (one row per layer), {@code quantization.json}
 * (summary and layers) and {@code summary.txt} (the lines the CLI prints).
 */
public final class QuantReportFiles {
    static final List<String> COLUMNS = List.of("node", "op", "precision", "weight_bits", "group", "int4_emulated",
            "activation_min", "activation_max", "bias_correction", "weight_sqnr_db", "sqnr_db");

    private QuantReportFiles() {}

    public static void write(QuantizationReport r, String model, Path dir) throws StudioException {
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(dir.resolve("layers.csv"));
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).build())) {
                for (QuantizationReport.Layer l : r.layers()) csv.printRecord(row(l).values());
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", model);
            json.put("calibration", r.calibrationSource());
            json.put("evaluation", r.evaluationSource());
            json.put("output_sqnr_db", number(r.outputSqnrDb()));
            json.put("top1_agreement", number(r.top1Agreement()));
            json.put("equalized_pairs", r.equalizedPairs());
            json.put("equalization_skipped_clip", r.equalizationSkipped());
            List<Map<String, Object>> layers = new ArrayList<>();
            for (QuantizationReport.Layer l : r.layers()) layers.add(row(l));
            json.put("layers", layers);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("quantization.json").toFile(), json);
            Files.write(dir.resolve("summary.txt"), summary(r, model));
        } catch (IOException e) {
            throw new StudioException(dir.toString(), "", "cannot write the report: " + e.getMessage(), e);
        }
    }

    /** The summary lines: source, output SQNR, top-1, equalisation and the five weakest layers. */
    public static List<String> summary(QuantizationReport r, String model) {
        List<String> out = new ArrayList<>();
        long counted = r.layers().size();
        out.add(String.format(Locale.ROOT, "%s: %d layers quantized", model, counted));
        out.add("calibration: " + r.calibrationSource());
        if (!r.evaluationSource().isEmpty()) out.add("evaluation: " + r.evaluationSource());
        out.add(String.format(Locale.ROOT, "output SQNR %.1f dB%s", r.outputSqnrDb(), Double.isNaN(r.top1Agreement()) ? ""
                : String.format(Locale.ROOT, ", top-1 agreement with fp32 %.1f%%", 100 * r.top1Agreement())));
        if (r.equalizedPairs() >= 0) {
            out.add("cross-layer equalisation: " + r.equalizedPairs() + " Conv pairs" + (r.equalizationSkipped() == 0 ? ""
                    : ", " + r.equalizationSkipped() + " skipped (HardSwish, Sigmoid or another activation between them that is not scale-invariant)"));
        }
        r.layers().stream().filter(l -> !Double.isNaN(l.sqnrDb())).sorted(java.util.Comparator.comparingDouble(QuantizationReport.Layer::sqnrDb))
                .limit(5).forEach(l -> out.add(String.format(Locale.ROOT, "  weakest: %s %s %s output %.1f dB (weights alone %.1f dB)", l.nodeId(),
                        l.opType(), l.precision(), l.sqnrDb(), l.weightSqnrDb())));
        return out;
    }

    private static Map<String, Object> row(QuantizationReport.Layer l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", l.nodeId());
        m.put("op", l.opType());
        m.put("precision", l.precision());
        m.put("weight_bits", l.weightBits());
        m.put("group", l.groupSize());
        m.put("int4_emulated", l.emulatedInt4());
        m.put("activation_min", number(l.activationMin()));
        m.put("activation_max", number(l.activationMax()));
        m.put("bias_correction", number(l.biasCorrection()));
        m.put("weight_sqnr_db", number(l.weightSqnrDb()));
        m.put("sqnr_db", number(l.sqnrDb()));
        return m;
    }

    /** NaN/∞ as null (JSON has neither); finite values as is. */
    private static Double number(double v) { return Double.isFinite(v) ? v : null; }
}

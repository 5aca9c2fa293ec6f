package org.npustudio.app.bench;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.npustudio.ir.Model;
import org.npustudio.onnx.ModelLoadException;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.proto.OnnxProto;
import org.npustudio.shape.ShapeInference;

/**
 * Import speed and memory: our reader vs ONNX Runtime's session creation on the same file, in the same
 * process, plus plain protobuf parsing from a heap copy (what a reader without aliasing would do).
 * Prints medians of several warm runs; this is a benchmark, not a test.
 */
public final class ImportBenchmark {
    private static final int WARMUP = 3;
    private static final int RUNS = 9;

    private ImportBenchmark() {}

    public static void run(Path model, PrintStream out) throws Exception {
        long fileBytes = Files.size(model);
        out.printf("import benchmark: %s (%.1f MB), %d warm-up + %d measured runs, medians%n",
                model.getFileName(), fileBytes / 1e6, WARMUP, RUNS);

        double ours = median(() -> OnnxReader.read(model));
        double opened = median(() -> ShapeInference.infer(OnnxReader.read(model)));
        double copying = median(() -> OnnxProto.ModelProto.parseFrom(Files.readAllBytes(model)));
        double ort;
        try (OrtEnvironment env = OrtEnvironment.getEnvironment();
             OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            ort = median(() -> {
                try (OrtSession s = env.createSession(model.toString(), opts)) {
                    return s.getNumInputs();
                }
            });
        }
        long heap = retainedHeap(model);
        out.printf("  npustudio import (mmap + aliasing, validated) %8.1f ms%n", ours);
        out.printf("  ... plus shape inference (what opening does)   %8.1f ms%n", opened);
        out.printf("  protobuf parse of a heap copy (no IR)          %8.1f ms%n", copying);
        out.printf("  onnxruntime session creation                   %8.1f ms%n", ort);
        out.printf("  ratio ORT / npustudio                          %8.1fx%n", ort / ours);
        out.printf("  IR heap retained beyond the file's bytes       %8.1f MB = %.1f%% of the file (target <= 30%%)%n",
                heap / 1e6, 100.0 * heap / fileBytes);
        out.printf("  target: import <= 500 ms warm -> %s%n", ours <= 500 ? "met" : "NOT met");
    }

    /** Heap still referenced after loading (the Model kept alive), measured around a full GC. */
    private static long retainedHeap(Path model) throws ModelLoadException {
        long before = usedHeapAfterGc();
        Model m = OnnxReader.read(model);
        long after = usedHeapAfterGc();
        java.lang.ref.Reference.reachabilityFence(m); // the model must stay alive across the GC
        return Math.max(0, after - before);
    }

    private static long usedHeapAfterGc() { return Measure.usedHeapAfterGc(); }

    private static double median(Measure.Work w) throws Exception { return Measure.median(WARMUP, RUNS, w); }
}

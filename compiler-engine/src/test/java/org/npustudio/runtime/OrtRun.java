package org.npustudio.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Tensor;

/**
 * Runs a model held in memory once with ONNX Runtime on the CPU, single-threaded so that two runs of
 * equivalent models are deterministic and comparable bit for bit. Any failure comes back as a
 * {@link Failure} carrying ORT's one-line message.
 */
final class OrtRun {
    /** ORT could not load, feed, run or read back the model. */
    static final class Failure extends Exception {
        Failure(String stage, Throwable cause) {
            super(stage + ": " + OrtTensors.firstLine(cause), cause);
        }
    }

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "npustudio-test");

    private OrtRun() {}

    static OrtEnvironment env() { return ENV; }

    /** Outputs by name, in the order asked for. */
    static Map<String, Tensor> run(byte[] model, Map<String, Tensor> inputs, List<String> outputNames) throws Failure {
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            opts.setInterOpNumThreads(1);
            opts.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
            try (OrtSession session = create(model, opts)) {
                Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
                try {
                    for (Map.Entry<String, Tensor> e : inputs.entrySet()) feeds.put(e.getKey(), OrtTensors.toOrt(ENV, e.getValue()));
                    return execute(session, feeds, outputNames);
                } catch (StudioException e) {
                    throw new Failure("input", e);
                } finally {
                    feeds.values().forEach(OnnxTensor::close);
                }
            }
        } catch (OrtException e) {
            throw new Failure("session", e);
        }
    }

    private static OrtSession create(byte[] model, OrtSession.SessionOptions opts) throws Failure {
        try {
            return ENV.createSession(model, opts);
        } catch (OrtException | RuntimeException e) {
            throw new Failure("load", e);
        }
    }

    private static Map<String, Tensor> execute(OrtSession session, Map<String, OnnxTensor> feeds, List<String> outputNames)
            throws Failure {
        try (OrtSession.Result result = session.run(feeds, new java.util.LinkedHashSet<>(outputNames))) {
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (String name : outputNames) {
                OnnxValue v = result.get(name).orElseThrow(() -> new IllegalStateException("no output named '" + name + "'"));
                if (!(v instanceof OnnxTensor t)) throw new IllegalStateException("output '" + name + "' is a " + v.getType() + ", not a tensor");
                try {
                    out.put(name, OrtTensors.fromOrt(t, name));
                } catch (StudioException e) {
                    throw new Failure("output", e);
                }
            }
            return out;
        } catch (OrtException | RuntimeException e) {
            throw new Failure("run", e);
        }
    }
}

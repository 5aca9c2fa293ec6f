package org.npustudio.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Tensor;

/**
 * An ONNX Runtime session on the CPU for a model held in memory. By default graph optimisations are
 * off ({@code ORT_DISABLE_ALL}) and one thread is used, so two runs of equivalent graphs execute the same
 * kernels in the same order and can be compared bit for bit. The ONNX Runtime extensions library
 * ({@link OrtExtensions}) is registered in every session, so models using its custom ops run too. Failures
 * become one-line {@link StudioException}s naming the model (and the op, when ORT has no kernel for it).
 */
public final class OrtRunner implements AutoCloseable {
    /** Graph optimisation level and thread count. */
    public record Options(OrtSession.SessionOptions.OptLevel level, int threads) {
        public static final Options DETERMINISTIC = new Options(OrtSession.SessionOptions.OptLevel.NO_OPT, 1);

        public Options withLevel(OrtSession.SessionOptions.OptLevel l) { return new Options(l, threads); }
    }

    private static volatile OrtEnvironment env;

    private final String name;
    private final OrtSession session;

    private OrtRunner(String name, OrtSession session) {
        this.name = name;
        this.session = session;
    }

    public static OrtEnvironment environment() {
        OrtEnvironment e = env;
        if (e == null) {
            synchronized (OrtRunner.class) {
                if (env == null) env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "npustudio");
                e = env;
            }
        }
        return e;
    }

    public static OrtRunner open(byte[] model, String name, Options options) throws StudioException {
        return open(model, name, options, null);
    }

    /**
     * As {@link #open(byte[], String, Options)}, with ONNX Runtime's profiler on when {@code profilePrefix}
     * is not null: it records every run into a Chrome-trace JSON file whose name starts with that prefix
     * ({@link #endProfiling()} closes it and says where it is).
     */
    public static OrtRunner open(byte[] model, String name, Options options, java.nio.file.Path profilePrefix) throws StudioException {
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            OrtExtensions.register(o);
            if (profilePrefix != null) o.enableProfiling(profilePrefix.toString());
            o.setOptimizationLevel(options.level());
            o.setIntraOpNumThreads(options.threads());
            o.setInterOpNumThreads(1);
            o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            o.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
            return new OrtRunner(name, environment().createSession(model, o));
        } catch (OrtException | RuntimeException e) {
            String op = OrtExtensions.unregisteredOp(OrtTensors.firstLine(e));
            throw new StudioException(name, "", op != null ? op : "ONNX Runtime cannot load it: " + OrtTensors.firstLine(e), e);
        }
    }

    public List<String> inputNames() { return new ArrayList<>(session.getInputNames()); }

    public List<String> outputNames() { return new ArrayList<>(session.getOutputNames()); }

    /** What ONNX Runtime's own type inference gives each graph output when the session is loaded. */
    public Map<String, NodeInfo> outputInfo() throws StudioException {
        try {
            return session.getOutputInfo();
        } catch (OrtException e) {
            throw new StudioException(name, "", "ONNX Runtime cannot describe its outputs: " + OrtTensors.firstLine(e), e);
        }
    }

    /** Runs with our tensors in and out (copies both ways); every graph output. */
    public Map<String, Tensor> run(Map<String, Tensor> inputs) throws StudioException {
        return run(inputs, outputNames());
    }

    /** Runs with our tensors in and out (copies both ways); the outputs asked for, in that order. */
    public Map<String, Tensor> run(Map<String, Tensor> inputs, List<String> outputs) throws StudioException {
        Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Tensor> e : inputs.entrySet()) feeds.put(e.getKey(), OrtTensors.toOrt(environment(), e.getValue()));
            try (OrtSession.Result r = runRaw(feeds, new LinkedHashSet<>(outputs))) {
                Map<String, Tensor> out = new LinkedHashMap<>();
                for (String o : outputs) out.put(o, OrtTensors.fromOrt(tensor(r, o), o));
                return out;
            }
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    /**
     * Runs with ORT values, keeping results native (no copy into Java); the caller closes the result,
     * which closes its values.
     */
    public OrtSession.Result runRaw(Map<String, ? extends OnnxTensor> feeds, Set<String> outputs) throws StudioException {
        try {
            Map<String, OnnxTensor> f = new LinkedHashMap<>(feeds);
            f.keySet().retainAll(session.getInputNames());
            return session.run(f, outputs);
        } catch (OrtException | RuntimeException e) {
            throw new StudioException(name, "", "ONNX Runtime failed to run it: " + OrtTensors.firstLine(e), e);
        }
    }

    /** The named tensor of a result. */
    public OnnxTensor tensor(OrtSession.Result r, String output) throws StudioException {
        OnnxValue v = r.get(output).orElseThrow(() -> new StudioException(name, "", "ONNX Runtime returned no output '" + output + "'"));
        if (!(v instanceof OnnxTensor t)) throw new StudioException(name, "", "output '" + output + "' is a " + v.getType() + ", not a tensor");
        return t;
    }

    /** Stops the profiler of a session opened with a profile prefix; the trace file it wrote. */
    public java.nio.file.Path endProfiling() throws StudioException {
        try {
            return java.nio.file.Path.of(session.endProfiling());
        } catch (OrtException e) {
            throw new StudioException(name, "", "ONNX Runtime could not write its profile: " + OrtTensors.firstLine(e), e);
        }
    }

    /** The ONNX Runtime library's version. */
    public static String ortVersion() { return environment().getVersion(); }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException ignored) {
            // closing a session that failed to run is not worth a second error
        }
    }
}

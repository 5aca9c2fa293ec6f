package org.npustudio.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;

/** Every sample runs in ONNX Runtime on a seeded input and produces a finite output of the declared shape. */
class OrtRunTest {
    private static OrtEnvironment env;
    private static OrtSession.SessionOptions options;

    @BeforeAll
    static void start() throws OrtException {
        env = OrtEnvironment.getEnvironment();
        options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(2);
    }

    @AfterAll
    static void stop() {
        options.close();
    }

    static List<String> names() {
        return SampleLibrary.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void runsWithFiniteOutputOfTheDeclaredShape(String name) throws Exception {
        Model model = Built.read(name);
        long[] inShape = model.graph().inputs().get(0).tensorType().shape().sizes();
        long[] outShape = model.graph().outputs().get(0).tensorType().shape().sizes();
        try (OrtSession session = env.createSession(Built.bytes(name), options)) {
            TensorInfo in = (TensorInfo) session.getInputInfo().get("input").getInfo();
            assertArrayEquals(inShape, in.getShape());
            NodeInfo out = session.getOutputInfo().get("output");
            assertArrayEquals(outShape, ((TensorInfo) out.getInfo()).getShape());

            float[] y = run(session, randomInput(inShape, 7), inShape, outShape);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float v : y) {
                assertTrue(Float.isFinite(v), name + " produced " + v);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertTrue(max > min, name + " output is constant " + min);
            // Calibrated BatchNorms and He scaling keep even ResNet-50's logits in the hundreds.
            assertTrue(Math.max(-min, max) < 1000, name + " output reaches " + Math.max(-min, max));
            float[] other = run(session, randomInput(inShape, 8), inShape, outShape);
            assertTrue(!java.util.Arrays.equals(y, other), name + " output does not depend on the input");
            System.out.printf("%s: ORT output %s in [%.4g, %.4g]%n", name, java.util.Arrays.toString(outShape), min, max);
        }
    }

    /** ONNX Runtime agrees with a direct Java evaluation of relu(x W1^T + b1) W2^T + b2 from the file's weights. */
    @Test
    void mlpMatchesAReferenceComputation() throws Exception {
        Model model = Built.read("mlp");
        Map<String, Tensor> w = model.graph().initializers();
        float[] x = randomInput(new long[] {1, 784}, 11);
        float[] hidden = dense(x, w.get("fc1.weight").toFloats(), w.get("fc1.bias").toFloats());
        for (int i = 0; i < hidden.length; i++) hidden[i] = Math.max(0f, hidden[i]);
        float[] expected = dense(hidden, w.get("fc2.weight").toFloats(), w.get("fc2.bias").toFloats());
        try (OrtSession session = env.createSession(Built.bytes("mlp"), options)) {
            float[] actual = run(session, x, new long[] {1, 784}, new long[] {1, 10});
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-4 * Math.max(1, Math.abs(expected[i])), "logit " + i);
            }
        }
    }

    /** y = x W^T + b for a row vector x and a [out, in] weight. */
    private static float[] dense(float[] x, float[] weight, float[] bias) {
        float[] y = new float[bias.length];
        for (int o = 0; o < y.length; o++) {
            double s = bias[o];
            for (int i = 0; i < x.length; i++) s += (double) weight[o * x.length + i] * x[i];
            y[o] = (float) s;
        }
        return y;
    }

    private static float[] run(OrtSession session, float[] x, long[] inShape, long[] outShape) throws OrtException {
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), inShape);
             OrtSession.Result result = session.run(Map.of("input", input))) {
            OnnxTensor out = (OnnxTensor) result.get("output").orElseThrow();
            assertArrayEquals(outShape, out.getInfo().getShape());
            FloatBuffer fb = out.getFloatBuffer();
            float[] y = new float[fb.remaining()];
            fb.get(y);
            return y;
        }
    }

    /** Zero mean, unit variance (uniform in [-sqrt 3, sqrt 3)), like normalised image or embedding inputs. */
    private static float[] randomInput(long[] shape, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[Math.toIntExact(ShapeMath.elements(shape))];
        for (int i = 0; i < x.length; i++) x[i] = (float) (Math.sqrt(3) * (2 * r.nextDouble() - 1));
        return x;
    }
}

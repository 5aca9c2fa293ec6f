package org.npustudio.samples;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.OnnxWriter;

/**
 * Samples built once per test JVM and shared by the test classes (ResNet-50 alone is ~100 MB).
 * Files go under target/, never into the source tree.
 */
final class Built {
    static final Path DIR = Path.of(System.getProperty("basedir", "."), "target", "sample-tests");

    private static final Map<String, byte[]> BYTES = new HashMap<>();
    private static final Map<String, Path> FILES = new HashMap<>();

    private Built() {}

    /** The sample's bytes from one in-memory build. */
    static synchronized byte[] bytes(String name) {
        return BYTES.computeIfAbsent(name, n -> OnnxWriter.toBytes(SampleLibrary.build(n)));
    }

    /** The sample written through {@link SampleLibrary#write} into {@link #DIR}. */
    static synchronized Path file(String name) throws StudioException {
        Path f = FILES.get(name);
        if (f == null) FILES.put(name, f = SampleLibrary.write(name, DIR));
        return f;
    }

    /** The written file loaded back through the validating reader. */
    static Model read(String name) throws StudioException {
        return OnnxReader.read(file(name));
    }

    static Map<String, Integer> opHistogram(Model m) {
        Map<String, Integer> h = new TreeMap<>();
        for (Node n : m.graph().nodes()) h.merge(n.opType(), 1, Integer::sum);
        return h;
    }
}

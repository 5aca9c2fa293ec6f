package org.npustudio.samples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The NPU and CPU descriptions bundled in {@code samples/npu} (docs/npu-config.md), read from the jar. */
public final class NpuPresets {
    /** Every bundled description, NPUs first (the first is the IDE's default), by file name without {@code .yaml}. */
    public static final List<String> NAMES = List.of("edge-npu-8tops", "edge-npu-mixed", "teaching-32x32", "tpu-v1-like", "eyeriss-like", "host-cpu");

    private NpuPresets() {}

    /** The YAML text of a bundled description. */
    public static String yaml(String name) {
        if (!NAMES.contains(name)) throw new IllegalArgumentException("no bundled NPU preset '" + name + "'; use one of " + NAMES);
        try (InputStream in = NpuPresets.class.getResourceAsStream("npu/" + name + ".yaml")) {
            if (in == null) throw new IllegalStateException("the preset " + name + ".yaml is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled preset " + name + ": " + e.getMessage(), e);
        }
    }
}

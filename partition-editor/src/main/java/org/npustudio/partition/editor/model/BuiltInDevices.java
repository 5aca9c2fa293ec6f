package org.npustudio.partition.editor.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.npustudio.error.StudioException;
import org.npustudio.plan.yaml.DevicesYaml;

/**
 * The devices a new plan starts with when none are loaded: one NPU with the op list and precisions of the
 * bundled edge NPU preset (samples/npu/edge-npu-8tops.yaml) and the host CPU as the default device.
 * Kept as a devices file (builtin-devices.yaml beside this class) so it reads like any other.
 */
public final class BuiltInDevices {
    private BuiltInDevices() {}

    public static DevicesYaml.Loaded load() {
        try (InputStream in = BuiltInDevices.class.getResourceAsStream("builtin-devices.yaml")) {
            if (in == null) throw new IllegalStateException("builtin-devices.yaml is missing from the partition editor");
            return DevicesYaml.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in devices", null);
        } catch (IOException | StudioException e) {
            throw new IllegalStateException("the built-in device list cannot be read: " + e.getMessage(), e);
        }
    }
}

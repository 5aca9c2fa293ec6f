package org.npustudio.app.ui.profile;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.profiler.ui.NpuConfigPane;
import org.npustudio.samples.NpuPresets;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlException;

/** The bundled NPU descriptions as presets for the NPU pane (CPU descriptions are left out), parsed once. */
public final class NpuPresetList {
    private static List<NpuConfigPane.Preset> bundled;

    private NpuPresetList() {}

    public static synchronized List<NpuConfigPane.Preset> bundled() {
        if (bundled == null) bundled = List.copyOf(parse());
        return bundled;
    }

    private static List<NpuConfigPane.Preset> parse() {
        List<NpuConfigPane.Preset> out = new ArrayList<>();
        for (String name : NpuPresets.NAMES) {
            try {
                Device d = new DeviceConfigReader().read(SafeYaml.parse(NpuPresets.yaml(name), name + ".yaml"));
                if (d.npu() != null) out.add(new NpuConfigPane.Preset(name, d.npu()));
            } catch (YamlException e) {
                // A broken bundled file is a build bug that NpuPresetsTest and this list's test catch.
                throw new IllegalStateException("bundled preset " + e.getMessage(), e);
            }
        }
        return out;
    }
}

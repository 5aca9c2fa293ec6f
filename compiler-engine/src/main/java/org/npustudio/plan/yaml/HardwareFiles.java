package org.npustudio.plan.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.npustudio.error.StudioException;
import org.npustudio.plan.DeviceKind;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlNode;

/**
 * The name and kind a hardware description file (docs/npu-config.md YAML, or a SCALE-Sim {@code .cfg})
 * gives itself, for plan formats that name devices by file. The simulator reads the whole description;
 * this only reads what a plan needs, and fails as the simulator would when the file cannot be read.
 */
final class HardwareFiles {
    private HardwareFiles() {}

    record Identity(String name, DeviceKind kind) {}

    /** @param needName whether the name is wanted (a YAML description without one is then an error) */
    static Identity identity(Path file, boolean needName) throws StudioException {
        if (file.getFileName().toString().toLowerCase().endsWith(".cfg")) return new Identity(scaleSimRunName(file), DeviceKind.NPU);
        YamlNode doc = SafeYaml.read(file);
        DeviceKind kind = doc.has("kind") ? DeviceKind.parse(doc.require("kind").text()) : null;
        // An unknown kind is left to the simulator's reader, which names it; NPU is its default.
        return new Identity(needName ? doc.require("name").text() : "", kind == null ? DeviceKind.NPU : kind);
    }

    /** SCALE-Sim names a configuration by {@code run_name} ({@code key: value} or {@code key = value}, last one wins); default "scalesim". */
    private static String scaleSimRunName(Path file) throws StudioException {
        String name = "scalesim";
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                int equals = line.indexOf('=');
                int sep = colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
                if (sep > 0 && line.substring(0, sep).trim().equalsIgnoreCase("run_name")) name = line.substring(sep + 1).trim();
            }
        } catch (IOException e) {
            throw new StudioException(file.toString(), "", "cannot read: " + e.getMessage(), e);
        }
        return name;
    }
}

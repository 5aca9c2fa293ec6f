package org.npustudio.plan.yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.plan.Device;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.nestc.GlowDeviceConfig;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlException;
import org.npustudio.yaml.YamlNode;

/**
 * Reads a device list: NPU Studio's own format (docs/partition-format.md, "Devices file") or a
 * Glow/NEST-C device config, told apart by shape. In our format a device may point at an NPU
 * description ({@code description:}); when the entry lists no {@code supported_ops}/{@code precisions},
 * those two keys are taken from that file (relative to the devices file).
 */
public final class DevicesYaml {
    private static final Set<String> ROOT_KEYS = Set.of("version", "default_device", "devices");

    /** Devices, the default device's name and warnings. */
    public record Loaded(List<Device> devices, String defaultDevice, List<String> warnings) {
        public Loaded {
            devices = List.copyOf(devices);
            warnings = List.copyOf(warnings);
        }
    }

    private DevicesYaml() {}

    public static Loaded read(Path file) throws StudioException {
        YamlNode doc = SafeYaml.read(file);
        if (GlowDeviceConfig.looksLikeGlow(doc)) {
            GlowDeviceConfig.Loaded g = GlowDeviceConfig.read(doc);
            return new Loaded(g.devices(), g.defaultDevice(), g.warnings());
        }
        return readOwn(doc, file.toAbsolutePath().getParent());
    }

    public static Loaded parse(String text, String source, Path baseDir) throws YamlException, StudioException {
        YamlNode doc = SafeYaml.parse(text, source);
        if (GlowDeviceConfig.looksLikeGlow(doc)) {
            GlowDeviceConfig.Loaded g = GlowDeviceConfig.read(doc);
            return new Loaded(g.devices(), g.defaultDevice(), g.warnings());
        }
        return readOwn(doc, baseDir);
    }

    private static Loaded readOwn(YamlNode doc, Path baseDir) throws StudioException {
        if (!doc.isMapping()) throw doc.error("expected NPU Studio's devices file (version, devices, default_device) or a Glow device config list");
        List<String> warnings = new ArrayList<>(doc.unknownKeys(ROOT_KEYS));
        if (doc.has("version") && doc.require("version").longValue() != 1) throw doc.require("version").error("unsupported devices file version");
        List<Device> devices = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (YamlNode d : doc.require("devices").items()) {
            Device dev = PlanYaml.device(d, warnings, devices.size());
            if (!names.add(dev.name())) throw d.require("name").error("device '" + dev.name() + "' is defined twice");
            devices.add(fromDescription(dev, d, baseDir, warnings));
        }
        if (devices.isEmpty()) throw doc.require("devices").error("no devices listed");
        String deflt;
        if (doc.has("default_device")) {
            YamlNode n = doc.require("default_device");
            deflt = n.text().trim();
            if (!names.contains(deflt)) throw n.error("default_device '" + deflt + "' is not one of " + String.join(", ", names));
        } else {
            deflt = devices.stream().filter(x -> x.kind() == DeviceKind.CPU).map(Device::name).findFirst().orElse(null);
            if (deflt == null) throw doc.error("no cpu device and no default_device: unsupported ops would have nowhere to run");
        }
        return new Loaded(devices, deflt, warnings);
    }

    private static Device fromDescription(Device dev, YamlNode entry, Path baseDir, List<String> warnings) throws StudioException {
        if (dev.description().isEmpty() || entry.has("supported_ops") && entry.has("precisions")) return dev;
        Path file = baseDir == null ? Path.of(dev.description()) : baseDir.resolve(dev.description());
        if (!Files.isRegularFile(file)) {
            warnings.add(entry.source() + ": line " + entry.require("description").line() + ": description " + file
                    + " not found; device " + dev.name() + " is taken to run every op");
            return dev;
        }
        if (!file.getFileName().toString().endsWith(".yaml") && !file.getFileName().toString().endsWith(".yml")) return dev;
        YamlNode desc = SafeYaml.read(file);
        if (!desc.isMapping()) return dev;
        Device out = dev;
        if (!entry.has("supported_ops") && desc.has("supported_ops")) {
            out = out.withSupport(new LinkedHashSet<>(desc.require("supported_ops").textList()), out.unsupportedOps());
        }
        if (!entry.has("precisions") && desc.has("precisions")) {
            out = out.withPrecisions(new LinkedHashSet<>(desc.require("precisions").textList()));
        }
        return out;
    }
}

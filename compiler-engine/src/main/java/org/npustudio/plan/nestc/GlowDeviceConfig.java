package org.npustudio.plan.nestc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.npustudio.plan.Device;
import org.npustudio.plan.DeviceKind;
import org.npustudio.yaml.YamlException;
import org.npustudio.yaml.YamlNode;

/**
 * Glow/NEST-C device configs: a list of {@code name}, {@code backendName}, a {@code parameters} block of
 * {@code "key" : "value"} lines and an optional {@code dramMemory}. Becomes devices with the Glow node
 * kinds translated to ONNX op types ({@link GlowNodeKinds}); {@code deviceID} is the index and the device
 * with {@code "partitionDefaultDevice" : "true"} (else the first CPU) is the default.
 */
public final class GlowDeviceConfig {
    private static final Set<String> ITEM_KEYS = Set.of("name", "backendName", "parameters", "dramMemory");
    private static final Set<String> PARAMETERS = Set.of("supportedNodes", "nonSupportedNodes", "deviceID",
            "partitionDefaultDevice", "fuseOperators");
    private static final Set<String> HOST_BACKENDS = Set.of("CPU", "INTERPRETER", "RELAY", "LLVM");
    private static final Pattern LINE = Pattern.compile("\\s*\"([^\"]*)\"\\s*:\\s*\"([^\"]*)\"\\s*");

    /** Devices, the default device's name and warnings. */
    public record Loaded(List<Device> devices, String defaultDevice, List<String> warnings) {}

    private GlowDeviceConfig() {}

    /** True when the document is a list whose items carry {@code backendName}. */
    public static boolean looksLikeGlow(YamlNode doc) throws YamlException {
        if (!doc.isSequence()) return false;
        for (YamlNode item : doc.items()) if (item.isMapping() && item.has("backendName")) return true;
        return false;
    }

    public static Loaded read(YamlNode doc) throws YamlException {
        List<String> warnings = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        String deflt = null;
        for (YamlNode item : doc.items()) {
            warnings.addAll(item.unknownKeys(ITEM_KEYS));
            String name = item.require("name").text().trim();
            String backend = item.require("backendName").text().trim();
            Map<String, String> params = item.has("parameters") ? parameters(item.require("parameters"), warnings) : Map.of();
            int index = devices.size();
            if (params.containsKey("deviceID")) {
                try {
                    index = Integer.parseInt(params.get("deviceID").trim());
                } catch (NumberFormatException e) {
                    throw item.require("parameters").error("deviceID '" + params.get("deviceID") + "' is not a number");
                }
            }
            long memory = item.has("dramMemory") ? item.require("dramMemory").positiveLong() : 0;
            Set<String> supported = ops(params.get("supportedNodes"), name, warnings);
            Set<String> unsupported = ops(params.get("nonSupportedNodes"), name, warnings);
            DeviceKind kind = HOST_BACKENDS.contains(backend.toUpperCase()) ? DeviceKind.CPU : DeviceKind.NPU;
            for (Device d : devices) if (d.name().equals(name)) throw item.require("name").error("device '" + name + "' is defined twice");
            devices.add(new Device(name, kind, "", index, backend, memory, supported, unsupported, Set.of(), Set.of()));
            if ("true".equalsIgnoreCase(params.getOrDefault("partitionDefaultDevice", "").trim())) deflt = name;
        }
        if (devices.isEmpty()) throw doc.error("the device config lists no devices");
        if (deflt == null) {
            deflt = devices.stream().filter(d -> d.kind() == DeviceKind.CPU).map(Device::name).findFirst().orElse(devices.get(0).name());
        }
        return new Loaded(devices, deflt, warnings);
    }

    private static Map<String, String> parameters(YamlNode block, List<String> warnings) throws YamlException {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = block.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            Matcher m = LINE.matcher(lines[i]);
            int line = block.line() + 1 + i;
            if (!m.matches()) {
                throw new YamlException(block.source(), line, 1, block.path(), "parameter line '" + lines[i].trim() + "' is not \"key\" : \"value\"");
            }
            if (!PARAMETERS.contains(m.group(1))) {
                warnings.add(block.source() + ": line " + line + ": unknown parameter '" + m.group(1) + "' ignored (known: "
                        + String.join(", ", new java.util.TreeSet<>(PARAMETERS)) + ")");
            }
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private static Set<String> ops(String glowList, String device, List<String> warnings) {
        Set<String> out = new LinkedHashSet<>();
        if (glowList == null || glowList.isBlank()) return out;
        for (String kind : glowList.split(",")) {
            if (kind.isBlank()) continue;
            List<String> onnx = GlowNodeKinds.onnxOps(kind);
            if (onnx == null) warnings.add("device " + device + ": Glow node kind '" + kind.trim() + "' has no ONNX op type; ignored");
            else out.addAll(onnx);
        }
        return out;
    }
}

package org.npustudio.npusim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.plan.Precision;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlException;
import org.npustudio.yaml.YamlNode;

/**
 * Reads the interim plan YAML through SafeYaml; device files are resolved against the plan's folder.
 * Errors name file, line and key; unknown keys become warnings.
 */
public final class PlanReader {
    private final List<String> warnings = new ArrayList<>();

    public List<String> warnings() { return warnings; }

    public PlanFile read(Path file) throws StudioException {
        YamlNode doc = SafeYaml.read(file);
        warnings.addAll(doc.unknownKeys(Set.of("version", "devices", "default_device", "assign", "fusion", "precision", "description")));
        if (doc.has("version") && doc.require("version").longValue() != 1) throw doc.require("version").error("unsupported plan version; use 1");
        List<Device> devices = new ArrayList<>();
        if (doc.has("devices")) {
            for (YamlNode d : doc.require("devices").items()) devices.add(device(d, file));
        }
        String dflt = doc.has("default_device") ? doc.require("default_device").text() : null;
        Map<String, String> assign = new LinkedHashMap<>();
        if (doc.has("assign")) {
            for (Map.Entry<String, YamlNode> e : doc.require("assign").entries().entrySet()) {
                for (String id : e.getValue().textList()) {
                    String previous = assign.put(id, e.getKey());
                    if (previous != null && !previous.equals(e.getKey())) {
                        throw e.getValue().error("node '" + id + "' is assigned to both '" + previous + "' and '" + e.getKey() + "'");
                    }
                }
            }
        }
        List<List<String>> fusion = new ArrayList<>();
        if (doc.has("fusion")) {
            for (YamlNode g : doc.require("fusion").items()) {
                List<String> ids = g.textList();
                if (ids.isEmpty()) throw g.error("a fusion group lists no nodes");
                fusion.add(ids);
            }
        }
        Precision precision = null;
        if (doc.has("precision")) {
            YamlNode p = doc.require("precision");
            precision = Precision.parse(p.text());
            if (precision == null) throw p.error("unknown precision '" + p.text() + "'; use " + Precision.validKeys());
        }
        return new PlanFile(devices, dflt, assign, fusion, precision);
    }

    private Device device(YamlNode d, Path plan) throws StudioException {
        warnings.addAll(d.unknownKeys(Set.of("name", "file")));
        YamlNode f = d.require("file");
        Path path = plan.toAbsolutePath().getParent().resolve(f.text());
        Device device = DeviceConfigReader.readAny(path, warnings);
        if (!d.has("name")) return device;
        String name = d.require("name").text();
        return device.isNpu() ? new Device(name, device.npu(), null) : new Device(name, null, device.cpu());
    }

    static YamlException error(YamlNode n, String problem) { return n.error(problem); }
}

package org.npustudio.host;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.plan.ModelRef;

/**
 * Reads, validates and writes {@link HostProfile} files (HOST.json, docs/host-profile.md) with Jackson.
 * Every problem is one {@link StudioException} naming the file, the JSON place ({@code nodes[3].median_us})
 * and what is wrong; unknown keys are refused so a typo is not silently ignored.
 */
public final class HostProfileJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> TOP = Set.of("format", "version", "model", "host", "runs", "warmup", "model_median_us",
            "node_sum_us", "nodes", "unreported");
    private static final Set<String> NODE = Set.of("id", "name", "op", "median_us", "min_us", "max_us");

    private HostProfileJson() {}

    public static HostProfile read(Path file) throws StudioException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StudioException(file.toString(), "", "cannot read: " + AtomicFiles.describe(e), e);
        }
        return parse(text, file.toString());
    }

    public static void write(HostProfile p, Path file) throws StudioException {
        AtomicFiles.writeString(file, toJson(p));
    }

    public static String toJson(HostProfile p) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", HostProfile.FORMAT).put("version", HostProfile.VERSION);
        root.putObject("model").put("file", p.model().file()).put("sha256", p.model().sha256());
        root.putObject("host").put("cpu", p.cpu()).put("threads", p.threads()).put("ort_version", p.ortVersion());
        root.put("runs", p.runs()).put("warmup", p.warmup());
        root.put("model_median_us", p.modelMedianMicros()).put("node_sum_us", p.nodeSumMicros());
        ArrayNode nodes = root.putArray("nodes");
        for (HostProfile.NodeTime n : p.nodes()) {
            nodes.addObject().put("id", n.id()).put("name", n.name()).put("op", n.op())
                    .put("median_us", n.medianMicros()).put("min_us", n.minMicros()).put("max_us", n.maxMicros());
        }
        ArrayNode un = root.putArray("unreported");
        p.unreported().forEach(un::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }

    public static HostProfile parse(String text, String source) throws StudioException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            throw new StudioException(source, loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr(),
                    "not JSON: " + e.getOriginalMessage());
        }
        Reader r = new Reader(source);
        if (root == null || !root.isObject()) throw r.error("", "expected a JSON object (a host profile written by npustudio measure)");
        r.keys(root, "", TOP);
        if (!HostProfile.FORMAT.equals(r.text(root, "format"))) throw r.error("format", "expected \"" + HostProfile.FORMAT + "\"");
        int version = r.integer(root, "version", 1);
        if (version != HostProfile.VERSION) throw r.error("version", "version " + version + " is not one this build reads (" + HostProfile.VERSION + ")");
        JsonNode model = r.object(root, "model");
        JsonNode host = r.object(root, "host");
        ModelRef ref = new ModelRef(r.text(model, "model.file"), r.text(model, "model.sha256"));
        List<HostProfile.NodeTime> nodes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode list = r.array(root, "nodes");
        for (int i = 0; i < list.size(); i++) {
            String at = "nodes[" + i + "]";
            JsonNode n = list.get(i);
            if (!n.isObject()) throw r.error(at, "expected an object");
            r.keys(n, at, NODE);
            String id = r.text(n, at + ".id");
            if (id.isEmpty()) throw r.error(at + ".id", "empty node id");
            if (!ids.add(id)) throw r.error(at + ".id", "node '" + id + "' is listed twice");
            double med = r.micros(n, at + ".median_us"), min = r.micros(n, at + ".min_us"), max = r.micros(n, at + ".max_us");
            if (min > med || med > max) throw r.error(at, "expected min_us <= median_us <= max_us, got " + min + ", " + med + ", " + max);
            nodes.add(new HostProfile.NodeTime(id, r.text(n, at + ".name"), r.text(n, at + ".op"), med, min, max));
        }
        List<String> unreported = new ArrayList<>();
        JsonNode un = r.array(root, "unreported");
        for (int i = 0; i < un.size(); i++) {
            if (!un.get(i).isTextual()) throw r.error("unreported[" + i + "]", "expected a node id (text)");
            unreported.add(un.get(i).asText());
        }
        return new HostProfile(ref, r.text(host, "host.cpu"), r.integer(host, "host.threads", 1), r.text(host, "host.ort_version"),
                r.integer(root, "runs", 1), r.integer(root, "warmup", 0), r.micros(root, "model_median_us"), nodes, unreported);
    }

    /** Field access by dotted place ("host.cpu"): the last segment is the key, the whole is named in errors. */
    private record Reader(String source) {
        StudioException error(String place, String problem) { return new StudioException(source, place, problem); }

        JsonNode field(JsonNode parent, String place) throws StudioException {
            JsonNode v = parent.get(place.substring(place.lastIndexOf('.') + 1));
            if (v == null || v.isNull()) throw error(place, "missing");
            return v;
        }

        void keys(JsonNode o, String at, Set<String> known) throws StudioException {
            for (var it = o.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!known.contains(k)) throw error(at.isEmpty() ? k : at + "." + k, "unknown key; expected one of " + new java.util.TreeSet<>(known));
            }
        }

        String text(JsonNode parent, String place) throws StudioException {
            JsonNode v = field(parent, place);
            if (!v.isTextual()) throw error(place, "expected text, got " + v);
            return v.asText();
        }

        int integer(JsonNode parent, String place, int min) throws StudioException {
            JsonNode v = field(parent, place);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min) throw error(place, "expected a whole number from " + min + ", got " + v);
            return v.asInt();
        }

        double micros(JsonNode parent, String place) throws StudioException {
            JsonNode v = field(parent, place);
            if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) throw error(place, "expected microseconds (a number from 0), got " + v);
            return v.asDouble();
        }

        JsonNode object(JsonNode parent, String place) throws StudioException {
            JsonNode v = field(parent, place);
            if (!v.isObject()) throw error(place, "expected an object");
            return v;
        }

        JsonNode array(JsonNode parent, String place) throws StudioException {
            JsonNode v = field(parent, place);
            if (!v.isArray()) throw error(place, "expected a list");
            return v;
        }
    }
}

package org.npustudio.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the corpus list, models.yaml, with SnakeYAML's safe constructor (test-support cannot use the
 * product's SafeYaml: compiler-engine's tests depend on this module). A {@code fetch:} line must name its
 * own entry's file; a derived entry ({@code derive: {from: FILE}}) lives in no folder until a test writes it,
 * so its path is where it would be beside the corpus.
 */
final class RealModelCorpus {
    private RealModelCorpus() {}

    @SuppressWarnings("unchecked")
    static List<RealModel> read(Path dir, Path cache) throws IOException {
        Path list = dir.resolve("models.yaml");
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(list));
        } catch (RuntimeException e) {
            throw new IOException(list + ": not YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("models") instanceof List<?> models)) {
            throw new IOException(list + ": needs a 'models' list");
        }
        List<RealModel> out = new ArrayList<>();
        for (Object o : models) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("file") instanceof String file)) {
                throw new IOException(list + ": every model needs a 'file'");
            }
            boolean fetched = m.containsKey("fetch");
            if (fetched && !String.valueOf(m.get("fetch")).split("\\s+")[0].equals(file)) {
                throw new IOException(list + ": the fetch line of " + file + " names another file: " + m.get("fetch"));
            }
            Map<String, String> derive = texts(m.get("derive"));
            if (!derive.isEmpty() && !derive.containsKey("from")) throw new IOException(list + ": the derive of " + file + " needs 'from'");
            List<String> features = new ArrayList<>();
            if (m.get("features") instanceof List<?> f) f.forEach(x -> features.add(String.valueOf(x)));
            out.add(new RealModel(file, fetched, derive, (fetched ? cache : dir).resolve(file), text(m.get("exporter")),
                    List.copyOf(features), texts(m.get("inputs")), texts(m.get("values")), texts(m.get("expect"))));
        }
        return out;
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static Map<String, String> texts(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(String.valueOf(k), text(v)));
        return out;
    }
}

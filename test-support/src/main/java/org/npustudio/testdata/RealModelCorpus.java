package org.npustudio.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the corpus list from models.yaml. Only the two keys that say where a file lives are read, line by
 * line, the way fetch.sh reads them: {@code - file: NAME} starts an entry and {@code fetch: NAME ...} marks it
 * as fetched into the cache rather than checked in. An entry with a {@code derive:} line is written by the
 * test that uses it from another entry's file, so it is no file of the corpus and is left out here.
 */
final class RealModelCorpus {
    private static final Pattern FILE = Pattern.compile("^\\s*-\\s*file:\\s*(\\S+)\\s*$");
    private static final Pattern FETCH = Pattern.compile("^\\s*fetch:\\s*(\\S+)\\s.*$");
    private static final Pattern DERIVE = Pattern.compile("^\\s*derive:.*$");

    private RealModelCorpus() {}

    static List<RealModel> read(Path dir, Path cache) throws IOException {
        List<String> names = new ArrayList<>();
        List<Boolean> fetched = new ArrayList<>();
        List<Boolean> derived = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("models.yaml"))) {
            Matcher f = FILE.matcher(line);
            if (f.matches()) {
                names.add(f.group(1));
                fetched.add(false);
                derived.add(false);
                continue;
            }
            if (DERIVE.matcher(line).matches() && !names.isEmpty()) {
                derived.set(names.size() - 1, true);
                continue;
            }
            Matcher g = FETCH.matcher(line);
            if (g.matches() && !names.isEmpty()) {
                int last = names.size() - 1;
                if (!g.group(1).equals(names.get(last))) {
                    throw new IOException("models.yaml: fetch line names " + g.group(1) + " inside the entry of " + names.get(last));
                }
                fetched.set(last, true);
            }
        }
        List<RealModel> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (derived.get(i)) continue;
            String n = names.get(i);
            out.add(new RealModel(n, fetched.get(i), (fetched.get(i) ? cache : dir).resolve(n)));
        }
        return out;
    }
}

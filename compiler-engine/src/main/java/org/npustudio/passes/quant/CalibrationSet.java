package org.npustudio.passes.quant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.runtime.TensorFiles;

/**
 * The inputs quantization calibrates (and evaluates) on, and where they came from ({@link #source()},
 * printed in the report). A folder of tensor files is matched to the model's inputs:
 * <ul>
 *   <li>single-input model: every {@code .npy}/{@code .pb} file in the folder is one sample;</li>
 *   <li>several inputs: per input either a subfolder named after the input (its files in name order) or
 *       files {@code NAME_<k>.npy} (sample k); every input needs the same number of samples, except
 *       inputs given a fixed value (input-values), which are filled.</li>
 * </ul>
 * Each file must have the input's element type and rank, and its known dimensions.
 */
public record CalibrationSet(String source, List<Map<String, Tensor>> feeds) {
    private static final Pattern INDEXED = Pattern.compile("(.+)_(\\d+)\\.(npy|pb)");

    public CalibrationSet {
        feeds = List.copyOf(feeds);
    }

    public int size() { return feeds.size(); }

    /** Samples {@code [from, to)} as a set of the same source. */
    public CalibrationSet slice(int from, int to, String what) {
        return new CalibrationSet(source + " (" + what + ")", feeds.subList(from, to));
    }

    /**
     * This set split into calibration and evaluation parts that share no sample: the last quarter (at
     * least one) is held out for evaluation. A single sample cannot be split; it serves both, and the
     * evaluation source says so.
     */
    public CalibrationSet[] holdOut() {
        int n = size();
        if (n < 2) return new CalibrationSet[] {this, slice(0, n, "the calibration sample itself: one sample cannot be split")};
        int eval = Math.max(1, n / 4);
        return new CalibrationSet[] {slice(0, n - eval, "first " + (n - eval) + " for calibration"),
                slice(n - eval, n, "last " + eval + " held out for evaluation")};
    }

    /** Seeded standard-normal inputs, {@code count} of them from {@code seed}. */
    public static CalibrationSet random(Model model, QuantConfig cfg, int count, long seed) {
        List<Map<String, Tensor>> feeds = new ArrayList<>();
        for (int i = 0; i < count; i++) feeds.add(Quantizer.feed(model, cfg, seed + i));
        return new CalibrationSet("seeded random N(0,1) inputs (seed " + seed + ", " + count + " runs)", feeds);
    }

    /** The model's runtime inputs (graph inputs that are not initializers). */
    static List<ValueInfo> inputs(Model model) {
        return model.graph().inputs().stream().filter(v -> !model.graph().isInitializer(v.name())).toList();
    }

    /** Reads a folder of .npy/.pb files laid out as described on the class. */
    public static CalibrationSet folder(Model model, Path dir, Map<String, Double> inputValues) throws StudioException {
        if (!Files.isDirectory(dir)) throw new StudioException(dir.toString(), "", "not a folder of calibration files");
        List<ValueInfo> inputs = inputs(model).stream().filter(v -> !inputValues.containsKey(v.name())).toList();
        Map<String, List<Path>> files = new LinkedHashMap<>();
        List<Path> top = tensorFiles(dir);
        if (inputs.size() == 1 && !Files.isDirectory(dir.resolve(inputs.get(0).name()))) {
            files.put(inputs.get(0).name(), top);
        } else {
            for (ValueInfo in : inputs) {
                Path sub = dir.resolve(in.name());
                List<Path> own = new ArrayList<>();
                if (Files.isDirectory(sub)) {
                    own.addAll(tensorFiles(sub));
                } else {
                    Map<Integer, Path> byIndex = new java.util.TreeMap<>();
                    for (Path p : top) {
                        Matcher m = INDEXED.matcher(p.getFileName().toString());
                        if (m.matches() && m.group(1).equals(in.name())) byIndex.put(Integer.parseInt(m.group(2)), p);
                    }
                    own.addAll(byIndex.values());
                }
                if (own.isEmpty()) {
                    throw new StudioException(dir.toString(), "input '" + in.name() + "'", "no calibration files for this input (expected a subfolder '"
                            + in.name() + "/' or files " + in.name() + "_0.npy, " + in.name() + "_1.npy, …; the model's inputs: "
                            + String.join(", ", inputs.stream().map(ValueInfo::name).toList()) + ")");
                }
                files.put(in.name(), own);
            }
        }
        int n = -1;
        String first = null;
        for (Map.Entry<String, List<Path>> e : files.entrySet()) {
            if (e.getValue().isEmpty()) throw new StudioException(dir.toString(), "", "the folder holds no .npy or .pb files");
            if (n >= 0 && e.getValue().size() != n) {
                throw new StudioException(dir.toString(), "input '" + e.getKey() + "'", e.getValue().size() + " samples, but input '"
                        + first + "' has " + n + "; every input needs one file per sample");
            }
            n = e.getValue().size();
            first = e.getKey();
        }
        List<Map<String, Tensor>> feeds = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Map<String, Tensor> feed = new LinkedHashMap<>();
            for (ValueInfo in : inputs) {
                Path p = files.get(in.name()).get(k);
                feed.put(in.name(), check(p, in, TensorFiles.read(p)).withName(in.name()));
            }
            feeds.add(feed);
        }
        return new CalibrationSet(n + " tensor files from " + dir, filled(model, feeds, inputValues));
    }

    /**
     * QuantConfig's calibrationData: one folder (read as {@link #folder}), or tensor files of a
     * single-input model, one per sample.
     */
    public static CalibrationSet files(Model model, List<Path> given, Map<String, Double> inputValues) throws StudioException {
        if (given.size() == 1 && Files.isDirectory(given.get(0))) return folder(model, given.get(0), inputValues);
        List<ValueInfo> inputs = inputs(model).stream().filter(v -> !inputValues.containsKey(v.name())).toList();
        if (inputs.size() != 1) {
            throw new StudioException(model.displayName(), "", "a list of calibration files fits a single-input model; this one has "
                    + inputs.size() + " inputs: give a folder with a subfolder or NAME_k.npy files per input");
        }
        List<Map<String, Tensor>> feeds = new ArrayList<>();
        for (Path p : given) {
            Map<String, Tensor> feed = new LinkedHashMap<>();
            feed.put(inputs.get(0).name(), check(p, inputs.get(0), TensorFiles.read(p)).withName(inputs.get(0).name()));
            feeds.add(feed);
        }
        return new CalibrationSet(given.size() + " tensor files", filled(model, feeds, inputValues));
    }

    /** Adds the fixed-value inputs (e.g. a sample rate) to every feed. */
    static List<Map<String, Tensor>> filled(Model model, List<Map<String, Tensor>> feeds, Map<String, Double> inputValues) {
        if (inputValues.isEmpty()) return feeds;
        QuantConfig values = QuantConfig.defaults().withInputValues(inputValues);
        Map<String, Tensor> fixed = Quantizer.feed(model, values, 0);
        List<Map<String, Tensor>> out = new ArrayList<>();
        for (Map<String, Tensor> f : feeds) {
            Map<String, Tensor> g = new LinkedHashMap<>(f);
            for (String k : inputValues.keySet()) g.put(k, fixed.get(k));
            out.add(g);
        }
        return out;
    }

    /** The tensor must fit the input: element type, rank and every known dimension. */
    static Tensor check(Path file, ValueInfo in, Tensor t) throws StudioException {
        String place = "input '" + in.name() + "'";
        TypeInfo.TensorType type = in.tensorType();
        if (type == null) return t;
        if (type.elemType() != null && type.elemType() != t.dataType()) {
            throw new StudioException(file.toString(), place, "element type " + t.dataType() + ", the model's input '" + in.name()
                    + "' is " + type.elemType());
        }
        if (type.shape() != null) {
            long[] dims = t.dims();
            List<Dim> want = type.shape().dims();
            if (want.size() != dims.length) {
                throw new StudioException(file.toString(), place, "rank " + dims.length + " (" + dimsText(dims) + "), the model's input '"
                        + in.name() + "' has rank " + want.size() + " (" + type.shape() + ")");
            }
            for (int i = 0; i < dims.length; i++) {
                if (want.get(i).isKnown() && want.get(i).value() != dims[i]) {
                    throw new StudioException(file.toString(), place, "dimension " + i + " is " + dims[i] + ", the model's input '"
                            + in.name() + "' needs " + want.get(i).value() + " (" + type.shape() + ")");
                }
            }
        }
        return t;
    }

    private static String dimsText(long[] d) {
        StringBuilder b = new StringBuilder();
        for (long x : d) b.append(b.length() == 0 ? "" : "x").append(x);
        return b.length() == 0 ? "scalar" : b.toString();
    }

    private static List<Path> tensorFiles(Path dir) throws StudioException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && (p.toString().endsWith(".npy") || p.toString().endsWith(".pb"))).sorted().toList();
        } catch (IOException e) {
            throw new StudioException(dir.toString(), "", "cannot list the folder: " + e.getMessage(), e);
        }
    }

}

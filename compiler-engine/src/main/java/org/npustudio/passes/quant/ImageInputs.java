package org.npustudio.passes.quant;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;

/**
 * Calibration inputs from PNG/JPEG/BMP/GIF images (javax.imageio), for a model with one float image
 * input of rank 4: each image is resized (bilinear) to height × width, each channel value v in 0..255
 * becomes {@code (v · scale − mean[c]) / std[c]}, channels in RGB or BGR order, laid out NCHW or NHWC.
 * A 1-channel input gets the luminance (0.299 R + 0.587 G + 0.114 B).
 */
public final class ImageInputs {
    private ImageInputs() {}

    /**
     * How images become tensors.
     *
     * @param height target height, 0 = the model input's (must then be known)
     * @param width target width, 0 = the model input's
     * @param mean per channel (1 value = all channels), after scaling
     * @param std per channel (1 value = all channels)
     * @param scale factor applied to 0..255 first (1/255 maps to 0..1)
     * @param nhwc layout of the input tensor (false = NCHW)
     * @param bgr channel order (false = RGB)
     */
    public record Spec(int height, int width, double[] mean, double[] std, double scale, boolean nhwc, boolean bgr) {
        public static final Spec DEFAULT = new Spec(0, 0, new double[] {0}, new double[] {1}, 1 / 255.0, false, false);
    }

    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    public static CalibrationSet read(Model model, Path dir, Spec spec, Map<String, Double> inputValues) throws StudioException {
        if (!Files.isDirectory(dir)) throw new StudioException(dir.toString(), "", "not a folder of images");
        List<ValueInfo> inputs = CalibrationSet.inputs(model).stream().filter(v -> !inputValues.containsKey(v.name())).toList();
        if (inputs.size() != 1) {
            throw new StudioException(model.displayName(), "", "images calibrate a model with one image input; this one has " + inputs.size()
                    + " (" + String.join(", ", inputs.stream().map(ValueInfo::name).toList()) + "); give a folder of .npy files instead");
        }
        ValueInfo in = inputs.get(0);
        String place = "input '" + in.name() + "'";
        if (in.tensorType() == null || in.tensorType().elemType() != DataType.FLOAT || in.tensorType().shape() == null
                || in.tensorType().shape().rank() != 4) {
            throw new StudioException(model.displayName(), place, "images need a float input of rank 4 (NCHW or NHWC); this one is "
                    + (in.tensorType() == null ? "not a tensor" : in.tensorType().elemType() + " " + in.tensorType().shape()));
        }
        List<Dim> d = in.tensorType().shape().dims();
        Dim cDim = d.get(spec.nhwc() ? 3 : 1), hDim = d.get(spec.nhwc() ? 1 : 2), wDim = d.get(spec.nhwc() ? 2 : 3);
        int channels = cDim.isKnown() ? (int) cDim.value() : 3;
        if (channels != 1 && channels != 3) {
            throw new StudioException(model.displayName(), place, "the " + (spec.nhwc() ? "NHWC" : "NCHW") + " channel dimension is "
                    + channels + "; images give 1 or 3 channels (is --layout right?)");
        }
        int h = size(spec.height(), hDim, "height", model, place), w = size(spec.width(), wDim, "width", model, place);
        double[] mean = perChannel(spec.mean(), channels, "mean", model), std = perChannel(spec.std(), channels, "std", model);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> EXTENSIONS.stream().anyMatch(e -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e))).sorted().toList();
        } catch (IOException e) {
            throw new StudioException(dir.toString(), "", "cannot list the folder: " + e.getMessage(), e);
        }
        if (files.isEmpty()) throw new StudioException(dir.toString(), "", "the folder holds no PNG/JPEG/BMP/GIF images");
        List<Map<String, Tensor>> feeds = new ArrayList<>();
        for (Path f : files) {
            float[] v = pixels(decode(f), h, w, channels, mean, std, spec);
            long[] dims = spec.nhwc() ? new long[] {1, h, w, channels} : new long[] {1, channels, h, w};
            Map<String, Tensor> feed = new LinkedHashMap<>();
            feed.put(in.name(), Tensor.ofFloats(in.name(), dims, v));
            feeds.add(feed);
        }
        String how = String.format(Locale.ROOT, "%d images from %s (%dx%d, %s, %s, scale %.5g, mean %s, std %s)", files.size(), dir, h, w,
                spec.nhwc() ? "NHWC" : "NCHW", spec.bgr() ? "BGR" : "RGB", spec.scale(), java.util.Arrays.toString(mean),
                java.util.Arrays.toString(std));
        return new CalibrationSet(how, CalibrationSet.filled(model, feeds, inputValues));
    }

    private static BufferedImage decode(Path f) throws StudioException {
        try {
            BufferedImage img = ImageIO.read(f.toFile());
            if (img == null) throw new StudioException(f.toString(), "", "not a decodable image (javax.imageio reads PNG, JPEG, BMP and GIF)");
            return img;
        } catch (IOException | RuntimeException e) {
            throw new StudioException(f.toString(), "", "the image does not decode: " + e.getMessage(), e);
        }
    }

    private static float[] pixels(BufferedImage src, int h, int w, int channels, double[] mean, double[] std, Spec spec) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        float[] out = new float[channels * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                double r = (rgb >> 16) & 0xff, gr = (rgb >> 8) & 0xff, b = rgb & 0xff;
                double[] px = channels == 1 ? new double[] {0.299 * r + 0.587 * gr + 0.114 * b}
                        : spec.bgr() ? new double[] {b, gr, r} : new double[] {r, gr, b};
                for (int c = 0; c < channels; c++) {
                    int i = spec.nhwc() ? (y * w + x) * channels + c : (c * h + y) * w + x;
                    out[i] = (float) ((px[c] * spec.scale() - mean[c]) / std[c]);
                }
            }
        }
        return out;
    }

    private static int size(int given, Dim dim, String what, Model model, String place) throws StudioException {
        if (given > 0) {
            if (dim.isKnown() && dim.value() != given) {
                throw new StudioException(model.displayName(), place, "--size " + what + " " + given + " but the model's input needs " + dim.value());
            }
            return given;
        }
        if (!dim.isKnown()) throw new StudioException(model.displayName(), place, "the input's " + what + " is not fixed; give --size HxW");
        return (int) dim.value();
    }

    private static double[] perChannel(double[] v, int channels, String what, Model model) throws StudioException {
        if (v.length == channels) return v.clone();
        if (v.length == 1) {
            double[] out = new double[channels];
            java.util.Arrays.fill(out, v[0]);
            return out;
        }
        throw new StudioException(model.displayName(), "", "--" + what + " has " + v.length + " values; the input has " + channels + " channels");
    }
}

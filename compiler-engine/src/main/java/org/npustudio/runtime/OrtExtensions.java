package org.npustudio.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ONNX Runtime extensions library (Maven Central {@code com.microsoft.onnxruntime:onnxruntime-extensions}):
 * custom-op kernels in the {@code ai.onnx.contrib} and {@code com.microsoft.extensions} domains (string,
 * tokenizer, audio and image ops). Its native library is unpacked once; when it cannot be loaded here
 * (another platform, a missing class), sessions simply run without it and ops that need it are reported by
 * name. ORT's own {@code com.microsoft} contrib ops need no library.
 */
public final class OrtExtensions {
    private static final Pattern UNREGISTERED = Pattern.compile("([\\w.]*):(\\w+)\\((-?\\d+)\\) is not a registered function/op");
    private static volatile String path;
    private static volatile String unavailable;

    private OrtExtensions() {}

    /** The native library's path, or null when it is not available here ({@link #whyUnavailable()} says why). */
    public static String libraryPath() {
        if (path == null && unavailable == null) {
            synchronized (OrtExtensions.class) {
                if (path == null && unavailable == null) {
                    try {
                        path = ai.onnxruntime.extensions.OrtxPackage.getLibraryPath();
                    } catch (LinkageError | RuntimeException e) {
                        unavailable = e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    if (path == null && unavailable == null) unavailable = "the package has no native library for this platform";
                }
            }
        }
        return path;
    }

    /** Registers the library in a session's options; if ORT refuses it, sessions go on without it. */
    static void register(ai.onnxruntime.OrtSession.SessionOptions options) {
        String p = libraryPath();
        if (p == null) return;
        try {
            options.registerCustomOpLibrary(p);
        } catch (ai.onnxruntime.OrtException | RuntimeException e) {
            synchronized (OrtExtensions.class) {
                unavailable = "ONNX Runtime refused it: " + OrtTensors.firstLine(e);
                path = null;
            }
        }
    }

    /** Why the library is not registered, or null when it is. */
    public static String whyUnavailable() {
        libraryPath();
        return unavailable;
    }

    /**
     * One line for ORT's "domain:Op(version) is not a registered function/op", naming the op and its
     * domain; null when {@code ortMessage} is another error.
     */
    static String unregisteredOp(String ortMessage) {
        Matcher m = UNREGISTERED.matcher(ortMessage);
        if (!m.find()) return null;
        String domain = m.group(1).isEmpty() ? "ai.onnx" : m.group(1);
        String why = libraryPath() != null ? "neither ONNX Runtime nor its extensions library has a kernel for it"
                : "ONNX Runtime has no kernel for it and its extensions library is not available (" + whyUnavailable() + ")";
        return "op " + m.group(2) + " of domain " + domain + " cannot run: " + why;
    }
}

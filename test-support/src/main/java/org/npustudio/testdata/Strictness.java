package org.npustudio.testdata;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What a test does when its data is missing: skip with the reason printed on the console, or, in strict
 * mode (CI), fail — so a CI run can never pass by skipping everything.
 */
public final class Strictness {
    /** System property that turns strict mode on or off; without it, the environment variable CI=true turns it on. */
    public static final String PROPERTY = "npustudio.testdata.strict";

    private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();
    private final boolean strict;
    private final boolean quiet;

    private Strictness(boolean strict) {
        this(strict, false);
    }

    private Strictness(boolean strict, boolean quiet) {
        this.strict = strict;
        this.quiet = quiet;
    }

    /** The same mode without console lines (for testing the policy itself). */
    Strictness quiet() {
        return new Strictness(strict, true);
    }

    /** The mode of this test run: -Dnpustudio.testdata.strict=true|false, else strict when CI=true. */
    public static Strictness current() {
        return of(System.getProperty(PROPERTY), System.getenv("CI"));
    }

    static Strictness of(String property, String ci) {
        if (property != null && !property.isBlank() && !property.startsWith("${")) {
            return new Strictness(Boolean.parseBoolean(property.strip()));
        }
        return new Strictness("true".equalsIgnoreCase(ci == null ? "" : ci.strip()));
    }

    public static Strictness lenient() {
        return new Strictness(false);
    }

    public static Strictness strictMode() {
        return new Strictness(true);
    }

    public boolean strict() {
        return strict;
    }

    /**
     * Data the test needs is missing: throws the failure in strict mode, else returns the skip for the caller
     * to throw ({@code throw strictness.missing(...)}). Either way the reason is printed once on the console,
     * so a skipped run says what it did not test.
     */
    public RuntimeException missing(String reason) {
        if (strict) {
            String msg = "missing test data (strict mode: CI=true or -D" + PROPERTY + "=true): " + reason;
            if (!quiet) print(msg);
            throw new AssertionFailedError(msg);
        }
        String msg = "skipped: " + reason;
        if (!quiet) print(msg);
        return new TestAbortedException(msg);
    }

    /** Optional data is missing: a note on the console (a failure in strict mode, where nothing is optional). */
    public void note(String reason) {
        if (strict) throw missing(reason);
        if (!quiet) print("note: " + reason);
    }

    static void print(String line) {
        if (PRINTED.add(line)) System.out.println("[test data] " + line);
    }
}

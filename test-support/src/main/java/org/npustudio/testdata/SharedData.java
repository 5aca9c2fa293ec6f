package org.npustudio.testdata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test parameter that is a path under the shared test data ({@code ../shared}, see {@link TestData#shared}):
 * {@code void t(@SharedData("reference/scalesim") Path dir)}. Missing data skips the test with the reason
 * on the console, or fails it in strict mode, before the test body runs.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestDataExtension.class)
public @interface SharedData {
    /** The path relative to the shared folder. */
    String value();
}

package org.npustudio.testdata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@code List<Path>} test parameter holding the real-model corpus files a test can open
 * ({@link TestData#realModels()}): never empty, or the test fails.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestDataExtension.class)
public @interface CorpusModels {}

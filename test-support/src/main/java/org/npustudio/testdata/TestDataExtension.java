package org.npustudio.testdata;

import java.nio.file.Path;
import java.util.List;
import java.lang.reflect.Parameter;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link SharedData} and {@link CorpusModels}: it resolves those parameters
 * through {@link TestData}, so a test that declares its data gets the same skip-or-fail policy
 * ({@link Strictness}) as one that calls {@code TestData} itself. Registered by the annotations
 * (JUnit's {@code @ExtendWith} on parameters), so no test class needs to name it.
 */
public final class TestDataExtension implements ParameterResolver, BeforeEachCallback {
    /**
     * Looks the declared data up before the test runs: JUnit reports an exception thrown while resolving a
     * parameter as a failure, so a skip (missing data, lenient mode) must be raised here to count as a skip.
     */
    @Override
    public void beforeEach(ExtensionContext e) {
        for (Parameter p : e.getRequiredTestMethod().getParameters()) {
            SharedData shared = p.getAnnotation(SharedData.class);
            if (shared != null) TestData.shared(shared.value());
            if (p.isAnnotationPresent(CorpusModels.class)) TestData.realModels();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> type = p.getParameter().getType();
        if (p.isAnnotated(SharedData.class)) return type == Path.class;
        return p.isAnnotated(CorpusModels.class) && type == List.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        if (p.isAnnotated(CorpusModels.class)) return TestData.realModels();
        String relative = p.findAnnotation(SharedData.class)
                .orElseThrow(() -> new ParameterResolutionException("no @SharedData on " + p.getParameter()))
                .value();
        return TestData.shared(relative);
    }
}

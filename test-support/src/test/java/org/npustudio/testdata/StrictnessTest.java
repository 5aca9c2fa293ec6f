package org.npustudio.testdata;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class StrictnessTest {
    @Test
    void ciTurnsStrictModeOnAndThePropertyDecidesWhenGiven() {
        assertTrue(Strictness.of(null, "true").strict());
        assertTrue(Strictness.of("", "TRUE").strict(), "an empty property (the pom's default) defers to CI");
        assertTrue(Strictness.of("${npustudio.testdata.strict}", "true").strict(), "an unresolved Maven property defers to CI");
        assertFalse(Strictness.of(null, null).strict());
        assertFalse(Strictness.of(null, "false").strict());
        assertTrue(Strictness.of("true", null).strict());
        assertFalse(Strictness.of("false", "true").strict(), "-Dnpustudio.testdata.strict=false wins over CI");
    }

    @Test
    void missingDataSkipsWhenLenientAndFailsWhenStrict() {
        assertInstanceOf(TestAbortedException.class, Strictness.lenient().quiet().missing("x not found"));
        AssertionFailedError strict = assertThrows(AssertionFailedError.class, () -> Strictness.strictMode().quiet().missing("x not found"));
        assertTrue(strict.getMessage().contains("x not found") && strict.getMessage().contains("strict mode"), strict.getMessage());
    }

    @Test
    void optionalDataIsANoteWhenLenientAndAFailureWhenStrict() {
        Strictness.lenient().quiet().note("y not found");
        assertThrows(AssertionFailedError.class, () -> Strictness.strictMode().quiet().note("y not found"));
    }
}

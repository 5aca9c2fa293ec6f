package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
    private static final Set<String> VALUES = Set.of("--plan", "--inputs", "-o");

    @Test
    void valueOptionsTakeTheNextWordOrAnEqualsValueAndRepeat() throws Exception {
        Args a = Args.parse("check", List.of("m.onnx", "--plan", "p.yaml", "--inputs=a.pb", "--inputs", "-b.npy", "--json", "--", "--x"),
                Set.of("--json"), VALUES);
        assertEquals(List.of("m.onnx", "--x"), a.positional());
        assertEquals("p.yaml", a.value("--plan"));
        assertEquals(List.of("a.pb", "-b.npy"), a.values("--inputs"), "a value may start with '-'");
        assertTrue(a.has("--json") && a.has("--plan"));
        assertFalse(a.has("-o"));
        assertNull(a.value("-o"));
    }

    @Test
    void mistakesAreUsageErrors() {
        UsageException e = assertThrows(UsageException.class, () -> Args.parse("export", List.of("m", "-o"), Set.of(), VALUES));
        assertTrue(e.getMessage().contains("'-o' needs a value"), e.getMessage());
        e = assertThrows(UsageException.class, () -> Args.parse("export", List.of("-o", "a", "-o", "b"), Set.of(), VALUES).value("-o"));
        assertTrue(e.getMessage().contains("more than once"), e.getMessage());
        e = assertThrows(UsageException.class, () -> Args.parse("export", List.of("m"), Set.of(), VALUES).required("--plan", "PLAN.yaml"));
        assertTrue(e.getMessage().contains("missing --plan PLAN.yaml"), e.getMessage());
        assertThrows(UsageException.class, () -> Args.parse("export", List.of("--planx", "a"), Set.of(), VALUES));
    }
}

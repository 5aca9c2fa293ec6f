package org.npustudio.partition.editor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.ir.Model;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.PlanComments;
import org.npustudio.plan.Plan;
import org.npustudio.plan.yaml.PlanYaml;

class RecoveryStoreTest {
    @TempDir Path dir;

    private final Model model = Models.sample("lenet5");
    private final ModelRef ref = new ModelRef("lenet5.onnx", "ab".repeat(32));

    private Plan plan() {
        List<String> ids = Models.order(model);
        PlanEditor e = new PlanEditor(model.graph(), ref, Models.emptyPlan(ref));
        e.apply(new PlanEdit.CreatePartition("head", "npu0", e.refs(ids.subList(0, 3))));
        return e.plan();
    }

    @Test
    void anAutosaveIsOfferedUntilTheSavedPlanIsNewerOrItIsDiscarded() throws Exception {
        RecoveryStore store = new RecoveryStore(dir.resolve("recovery"));
        assertTrue(store.find(ref).isEmpty());
        Plan p = plan();
        store.save(ref, p, null);
        RecoveryStore.Recovery r = store.find(ref).orElseThrow();
        assertNull(r.source(), "a plan never saved");
        assertEquals(dir.resolve("recovery").resolve(ref.sha256() + ".plan.yaml"), r.file());
        assertEquals(p, store.read(r, ref).plan().withComments(PlanComments.NONE), "the autosave reads back as the plan");

        Path saved = dir.resolve("plan.yaml");
        PlanYaml.write(p, saved);
        Files.setLastModifiedTime(saved, FileTime.from(Instant.now().minusSeconds(60)));
        store.save(ref, p, saved);
        assertEquals(saved.toAbsolutePath(), store.find(ref).orElseThrow().source(), "newer than the saved plan: offered");
        Files.setLastModifiedTime(saved, FileTime.from(Instant.now().plusSeconds(60)));
        assertTrue(store.find(ref).isEmpty(), "the saved plan is newer: nothing to recover");
        Files.delete(saved);
        assertFalse(store.find(ref).isEmpty(), "the saved plan is gone: offered");

        store.discard(ref);
        assertTrue(store.find(ref).isEmpty());
        assertTrue(store.find(ModelRef.UNKNOWN).isEmpty(), "no digest, no recovery file");
    }
}

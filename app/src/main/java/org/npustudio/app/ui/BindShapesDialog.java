package org.npustudio.app.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.npustudio.error.StudioException;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.shape.ShapeBinding;

/**
 * "Bind input shapes…": one field per input whose declared shape has dims without a size, pre-filled
 * (the remembered binding, else {@link ShapeBinding#suggest}), checked on every keystroke with the
 * same one-line errors as {@code --input-shape}; Apply is enabled only for a valid binding.
 */
final class BindShapesDialog extends Dialog<ShapeBinding> {
    static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);

    private final List<ValueInfo> declared;
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final Label error = new Label();

    BindShapesDialog(Window owner, String modelName, List<ValueInfo> declared, ShapeBinding initial) {
        this.declared = declared;
        initOwner(owner);
        setTitle("Bind Input Shapes");
        setHeaderText(modelName + " has inputs without concrete sizes.\nGive each a shape, e.g. 1x3x640x640 (a scalar: scalar).");
        getDialogPane().setId("bind-shapes-dialog");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        for (ValueInfo v : declared) {
            TypeInfo.TensorType t = v.tensorType();
            if (t == null || (t.shape() != null && t.shape().isStatic())) continue;
            TextField f = new TextField(initial.inputShapes().containsKey(v.name()) ? ShapeBinding.text(initial.inputShapes().get(v.name())) : "");
            f.setId("bind-field-" + row);
            f.setUserData(v.name());
            f.setPrefColumnCount(16);
            f.textProperty().addListener((o, was, now) -> validate());
            fields.put(v.name(), f);
            Label declaredShape = new Label(t.elemType().displayName() + " " + (t.shape() == null ? "[rank unknown]" : t.shape()));
            declaredShape.getStyleClass().add("bind-declared");
            grid.addRow(row++, new Label(v.name()), declaredShape, f);
        }
        error.setId("bind-error");
        error.setWrapText(true);
        error.setPrefWidth(540);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap onto more lines, never truncate
        error.setStyle("-fx-text-fill: #c62828;");
        getDialogPane().setContent(new VBox(10, grid, error));
        getDialogPane().getButtonTypes().addAll(APPLY, ButtonType.CANCEL);
        getDialogPane().setMinWidth(560);
        setResultConverter(bt -> bt == APPLY ? current() : null);
        validate();
    }

    /** The binding the fields describe, or null when one is not valid (the error line says why). */
    ShapeBinding current() {
        List<String> shapes = new ArrayList<>();
        for (Map.Entry<String, TextField> e : fields.entrySet()) {
            String text = e.getValue().getText().trim();
            shapes.add(e.getKey() + "=" + text);
        }
        try {
            ShapeBinding b = ShapeBinding.parse(shapes, List.of());
            b.check(declared);
            return b;
        } catch (StudioException ex) {
            return null;
        }
    }

    /** The one-line problem with the fields, or "" when they form a valid binding. */
    String problem() { return error.getText(); }

    TextField field(String input) { return fields.get(input); }

    private void validate() {
        String problem = "";
        for (Map.Entry<String, TextField> e : fields.entrySet()) {
            if (e.getValue().getText().isBlank()) {
                problem = e.getKey() + ": give a shape (e.g. 1x3x224x224)";
                break;
            }
        }
        if (problem.isEmpty()) {
            List<String> shapes = new ArrayList<>();
            for (Map.Entry<String, TextField> e : fields.entrySet()) shapes.add(e.getKey() + "=" + e.getValue().getText().trim());
            try {
                ShapeBinding.parse(shapes, List.of()).check(declared);
            } catch (StudioException ex) {
                problem = ex.problem(); // names the input; the CLI's "--input-shape:" prefix means nothing here
            }
        }
        error.setText(problem);
        Node apply = getDialogPane().lookupButton(APPLY);
        if (apply != null) apply.setDisable(!problem.isEmpty());
    }
}

package io.pipeshift.yaml;

import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.Doc;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generates docs/ir-reference.md (every step kind and its fields, types and defaults) from the IR records,
 * so the reference cannot drift from the reader.
 */
public final class IrReference {

  private IrReference() {}

  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("<!-- Generated from the IR records by io.pipeshift.yaml.IrReference: do not edit.\n")
        .append("     Regenerate: mvn -pl core-model test -Dtest=IrReferenceTest -Dpipeshift.updateGolden=true -->\n");
    out.append("# IR reference: step kinds and their fields\n\n");
    out.append("Every step has the common fields below plus the fields of its kind. A field without a default and not\n")
        .append("marked optional is required. `Value` means a literal or a reference such as `{param: Name}` (see\n")
        .append("[ir.md](ir.md)).\n\n");
    out.append("## Common step fields\n\n");
    table(out, Step.class, true);
    for (StepKind.Category category : StepKind.Category.values()) {
      out.append("## ").append(switch (category) {
        case SAGEMAKER -> "SageMaker steps";
        case CONTROL -> "Control steps";
        case AWS -> "AWS service steps";
        case NON_AWS -> "Non-AWS steps";
      }).append("\n\n");
      for (StepKind k : StepKind.values()) {
        if (k.category() != category) {
          continue;
        }
        out.append("### `").append(k.yamlName()).append("`\n\n");
        String doc = classDoc(k.specType());
        if (!doc.isEmpty()) {
          out.append(doc).append("\n\n");
        }
        table(out, k.specType(), false);
      }
    }
    return out.toString();
  }

  private static String classDoc(Class<?> type) {
    Doc d = type.getAnnotation(Doc.class);
    return d == null ? "" : d.value();
  }

  private static void table(StringBuilder out, Class<?> type, boolean skipSpec) {
    out.append("| field | type | default | notes |\n|---|---|---|---|\n");
    for (RecordComponent c : type.getRecordComponents()) {
      if (skipSpec && c.getName().equals("spec")) {
        out.append("| `kind` | one of the kinds below | required | |\n");
        continue;
      }
      DefaultValue d = c.getAnnotation(DefaultValue.class);
      Doc doc = c.getAnnotation(Doc.class);
      Class<?> raw = NodeBinder.rawClass(c.getGenericType());
      String def = d != null ? "`" + d.value() + "`" : raw == Optional.class ? "optional" : raw == List.class ? "`[]`"
          : raw == Map.class ? "`{}`" : "required";
      out.append("| `").append(YamlNames.of(c)).append("` | ").append(typeName(c.getGenericType())).append(" | ")
          .append(def).append(" | ").append(doc == null ? "" : doc.value()).append(" |\n");
    }
    out.append('\n');
  }

  static String typeName(Type t) {
    Class<?> raw = NodeBinder.rawClass(t);
    if (t instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) {
        return typeName(args[0]);
      }
      if (raw == List.class) {
        return "list of " + typeName(args[0]);
      }
      if (raw == Map.class) {
        return "map of " + typeName(args[1]);
      }
    }
    if (raw.isEnum()) {
      StringBuilder b = new StringBuilder();
      for (Object e : raw.getEnumConstants()) {
        b.append(b.length() == 0 ? "" : " \\| ").append(YamlNames.of((Enum<?>) e));
      }
      return b.toString();
    }
    return switch (raw.getSimpleName()) {
      case "int", "Integer", "long", "Long" -> "integer";
      case "double", "Double" -> "number";
      case "boolean", "Boolean" -> "boolean";
      case "String" -> "text";
      case "Duration" -> "duration";
      case "Object" -> "any";
      case "CronExpression" -> "cron";
      case "ErrorClass" -> "error class";
      case "Step" -> "step";
      default -> raw.getSimpleName();
    };
  }
}

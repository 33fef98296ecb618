package io.pipeshift.yaml;

import io.pipeshift.ir.FieldName;
import java.lang.reflect.RecordComponent;
import java.util.Locale;

/** The one rule for IR YAML names: enum constants in kebab-case, record components by name or {@link FieldName}. */
public final class YamlNames {

  private YamlNames() {}

  public static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static String of(RecordComponent component) {
    FieldName n = component.getAnnotation(FieldName.class);
    return n != null ? n.value() : component.getName();
  }
}

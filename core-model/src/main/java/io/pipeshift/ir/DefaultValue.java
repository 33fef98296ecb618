package io.pipeshift.ir;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a record component takes when the YAML leaves it out, written as YAML text. Pipeshift's own
 * marker (not a serialisation library's): the reader applies it, the writer omits values equal to it,
 * and the JSON Schema generator prints it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface DefaultValue {
  String value();
}

package io.pipeshift.to.asl;

import io.pipeshift.document.JsonText;
import java.util.Map;

/**
 * A value as a state can hold it: a fixed JSON value, a reference path into the execution document or
 * the context object ({@code $.parameters.X}, {@code $$.Execution.Name}), or an intrinsic function call.
 * In a payload template a fixed value sits under its key; the other two under {@code key.$}.
 */
sealed interface AslValue {

  /** A JSON value known when the machine is written. */
  record Fixed(Object json) implements AslValue {}

  /** A reference path; {@code string} when the value is known to be a string at run time. */
  record Path(String path, boolean string) implements AslValue {}

  /** An intrinsic function call (its result is a string unless {@code string} is false). */
  record Intrinsic(String expression, boolean string) implements AslValue {}

  default boolean dynamic() {
    return !(this instanceof Fixed);
  }

  /** Puts the value into a payload template under {@code key} (or {@code key.$}). */
  default void putInto(Map<String, Object> template, String key) {
    if (this instanceof Fixed f) {
      template.put(key, f.json());
    } else if (this instanceof Path p) {
      template.put(key + ".$", p.path());
    } else {
      template.put(key + ".$", ((Intrinsic) this).expression());
    }
  }

  /** The value written as an argument of an intrinsic function. */
  default String asArgument() {
    if (this instanceof Path p) {
      return p.path();
    }
    if (this instanceof Intrinsic i) {
      return i.expression();
    }
    Object v = ((Fixed) this).json();
    if (v instanceof String s) {
      return AslIntrinsics.quote(s);
    }
    if (v instanceof Number || v instanceof Boolean) {
      return String.valueOf(v);
    }
    return AslIntrinsics.quote(JsonText.compact(v));
  }

  /** The same value, converted to a string at run time when it may not be one. */
  default AslValue asString() {
    if (this instanceof Fixed f) {
      Object v = f.json();
      return v instanceof String ? this : new Fixed(v instanceof Map || v instanceof java.util.List ? JsonText.compact(v) : String.valueOf(v));
    }
    if (this instanceof Path p) {
      return p.string() ? this : new Intrinsic(AslIntrinsics.format("{}", java.util.List.of(p.path())), true);
    }
    Intrinsic i = (Intrinsic) this;
    return i.string() ? this : new Intrinsic(AslIntrinsics.format("{}", java.util.List.of(i.expression())), true);
  }
}

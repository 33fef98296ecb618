package io.pipeshift.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.Doc;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.ExecutionVariable;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.Trigger;
import io.pipeshift.ir.Value;
import io.pipeshift.time.CronExpression;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schema (draft 2020-12) of IR YAML, generated from the same records the reader binds, so the
 * schema and the loader cannot drift apart. Editors use it for completion ({@code docs/ir.schema.json}).
 * It checks shape only; graph rules (cycles, references) are the validator's.
 */
public final class IrJsonSchema {

  public static final String ID = "https://pipeshift.dev/schema/ir-v1.json";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ObjectNode defs = F.objectNode();

  private IrJsonSchema() {}

  public static ObjectNode generate() {
    return new IrJsonSchema().root();
  }

  /** The schema as pretty JSON with a trailing newline. */
  public static String text() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(generate()) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode root() {
    ObjectNode root = F.objectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", ID);
    root.put("title", "pipeshift pipeline IR");
    root.put("description", "A neutral pipeline definition that pipeshift converts to SageMaker, Step Functions and Airflow.");
    ObjectNode pipeline = recordSchema(Pipeline.class);
    ((ObjectNode) pipeline.get("properties")).set("pipeshift", F.objectNode().put("const", Pipeline.FORMAT_VERSION)
        .put("description", "IR format version"));
    root.setAll(pipeline);
    stepDef();
    valueDefs();
    conditionDef();
    triggerDef();
    root.set("$defs", defs);
    return root;
  }

  private ObjectNode recordSchema(Class<?> type) {
    ObjectNode o = F.objectNode();
    o.put("type", "object");
    Doc doc = type.getAnnotation(Doc.class);
    if (doc != null) {
      o.put("description", doc.value());
    }
    ObjectNode props = F.objectNode();
    ArrayNode required = F.arrayNode();
    for (RecordComponent c : type.getRecordComponents()) {
      props.set(YamlNames.of(c), component(c));
      if (isRequired(c)) {
        required.add(YamlNames.of(c));
      }
    }
    o.set("properties", props);
    if (!required.isEmpty()) {
      o.set("required", required);
    }
    o.put("additionalProperties", false);
    return o;
  }

  private static boolean isRequired(RecordComponent c) {
    Class<?> raw = NodeBinder.rawClass(c.getGenericType());
    if (c.isAnnotationPresent(DefaultValue.class) || raw == Optional.class || raw == List.class || raw == Map.class) {
      return false;
    }
    return !(raw.isRecord() && java.util.Arrays.stream(raw.getRecordComponents()).noneMatch(IrJsonSchema::isRequired));
  }

  private ObjectNode component(RecordComponent c) {
    ObjectNode s = type(c.getGenericType());
    Doc doc = c.getAnnotation(Doc.class);
    if (doc != null) {
      s = s.deepCopy().put("description", doc.value());
    }
    DefaultValue d = c.getAnnotation(DefaultValue.class);
    if (d != null) {
      JsonNode def = new ObjectMapper().valueToTree(new PipelineWriter().tree(defaultOf(c)));
      s = s.deepCopy();
      s.set("default", def);
    }
    return s;
  }

  private static Object defaultOf(RecordComponent c) {
    NodeBinder b = new NodeBinder("<default>", new io.pipeshift.diag.Diagnostics(), new SourceMap("<default>"), ReaderLimits.DEFAULT);
    return b.bind(c.getGenericType(), YamlDocuments.composeTrusted(c.getAnnotation(DefaultValue.class).value()), "", "default");
  }

  private ObjectNode type(Type t) {
    Class<?> raw = NodeBinder.rawClass(t);
    if (raw == Optional.class) {
      return type(((ParameterizedType) t).getActualTypeArguments()[0]);
    }
    if (raw == List.class) {
      ObjectNode a = F.objectNode().put("type", "array");
      a.set("items", type(((ParameterizedType) t).getActualTypeArguments()[0]));
      return a;
    }
    if (raw == Map.class) {
      ObjectNode m = F.objectNode().put("type", "object");
      m.set("additionalProperties", type(((ParameterizedType) t).getActualTypeArguments()[1]));
      return m;
    }
    if (raw == String.class) {
      return F.objectNode().put("type", "string");
    }
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      return F.objectNode().put("type", "integer");
    }
    if (raw == double.class || raw == Double.class) {
      return F.objectNode().put("type", "number");
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return F.objectNode().put("type", "boolean");
    }
    if (raw == Duration.class) {
      return ref("Duration", () -> F.objectNode().put("type", "string")
          .put("pattern", "^([Pp][0-9WDTHMS.]+|([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?)$")
          .put("description", "ISO-8601 (PT30M, P7D) or short form (90s, 15m, 2h, 1d)"));
    }
    if (raw == CronExpression.class) {
      return ref("Cron", () -> F.objectNode().put("type", "string")
          .put("description", "Unix cron: minute hour day-of-month month day-of-week, or @hourly/@daily/@weekly/@monthly/@yearly"));
    }
    if (raw == ErrorClass.class) {
      ArrayNode known = F.arrayNode();
      ErrorClass.KNOWN.forEach(e -> known.add(e.name()));
      ObjectNode anyOf = F.objectNode();
      ArrayNode options = anyOf.putArray("anyOf");
      options.add(F.objectNode().set("enum", known));
      options.add(F.objectNode().put("type", "string").put("description", "a custom error name, e.g. Lambda.TooManyRequestsException"));
      return ref("ErrorClass", () -> anyOf);
    }
    if (raw.isEnum()) {
      ArrayNode names = F.arrayNode();
      for (Object e : raw.getEnumConstants()) {
        names.add(YamlNames.of((Enum<?>) e));
      }
      return F.objectNode().set("enum", names);
    }
    if (raw == Value.Literal.class) {
      return ref("Literal", () -> {
        ObjectNode l = F.objectNode();
        l.putArray("type").add("string").add("number").add("boolean");
        return l;
      });
    }
    if (raw == Value.class) {
      return F.objectNode().put("$ref", "#/$defs/Value");
    }
    if (raw == Condition.class) {
      return F.objectNode().put("$ref", "#/$defs/Condition");
    }
    if (raw == Trigger.class) {
      return F.objectNode().put("$ref", "#/$defs/Trigger");
    }
    if (raw == Step.class) {
      return F.objectNode().put("$ref", "#/$defs/Step");
    }
    if (raw == Object.class) {
      return F.objectNode();
    }
    if (raw.isRecord()) {
      return ref(raw.getSimpleName(), () -> recordSchema(raw));
    }
    throw new IllegalStateException("no schema for " + t);
  }

  private ObjectNode ref(String name, java.util.function.Supplier<ObjectNode> definition) {
    if (!defs.has(name)) {
      defs.set(name, F.objectNode()); // placeholder against recursion
      defs.set(name, definition.get());
    }
    return F.objectNode().put("$ref", "#/$defs/" + name);
  }

  private void stepDef() {
    ObjectNode step = F.objectNode().put("type", "object");
    step.put("description", "A step: the common fields plus the fields of its kind");
    ObjectNode props = F.objectNode();
    ArrayNode kinds = F.arrayNode();
    StepKind.yamlNames().forEach(kinds::add);
    props.set("kind", F.objectNode().set("enum", kinds));
    for (RecordComponent c : Step.class.getRecordComponents()) {
      if (!c.getName().equals("spec")) {
        props.set(YamlNames.of(c), component(c));
      }
    }
    step.set("properties", props);
    step.putArray("required").add("id").add("kind");
    ArrayNode allOf = step.putArray("allOf");
    for (StepKind k : StepKind.values()) {
      ObjectNode spec = recordSchema(k.specType());
      spec.remove("additionalProperties");
      spec.remove("type");
      ObjectNode rule = F.objectNode();
      rule.set("if", F.objectNode().set("properties", F.objectNode().set("kind", F.objectNode().put("const", k.yamlName()))));
      rule.set("then", spec);
      allOf.add(rule);
    }
    step.put("unevaluatedProperties", false);
    defs.set("Step", step);
  }

  private void valueDefs() {
    type(Value.Literal.class);
    ArrayNode anyOf = F.arrayNode();
    anyOf.add(F.objectNode().put("$ref", "#/$defs/Literal"));
    anyOf.add(oneKey("param", F.objectNode().put("type", "string")));
    ArrayNode vars = F.arrayNode();
    for (ExecutionVariable v : ExecutionVariable.values()) {
      vars.add(YamlNames.of(v));
    }
    anyOf.add(oneKey("execution", F.objectNode().set("enum", vars)));
    anyOf.add(oneKey("output", type(Value.StepOutputRef.class)));
    anyOf.add(oneKey("property", type(Value.PropertyRef.class)));
    anyOf.add(oneKey("join", type(Value.Join.class)));
    anyOf.add(oneKey("item", F.objectNode().put("type", "string")));
    anyOf.add(oneKey("literal", F.objectNode().put("$ref", "#/$defs/Literal")));
    ObjectNode value = F.objectNode().put("description", "A literal, or a one-key reference mapping");
    value.set("anyOf", anyOf);
    defs.set("Value", value);
  }

  private void conditionDef() {
    ArrayNode oneOf = F.arrayNode();
    for (Condition.Operator op : Condition.Operator.values()) {
      ObjectNode pair = F.objectNode().put("type", "array").put("minItems", 2).put("maxItems", 2);
      pair.set("items", F.objectNode().put("$ref", "#/$defs/Value"));
      oneOf.add(oneKey(op.yamlName(), pair));
    }
    oneOf.add(oneKey("in", type(Condition.In.class)));
    oneOf.add(oneKey("not", F.objectNode().put("$ref", "#/$defs/Condition")));
    for (String many : List.of("all", "any")) {
      ObjectNode list = F.objectNode().put("type", "array").put("minItems", 1);
      list.set("items", F.objectNode().put("$ref", "#/$defs/Condition"));
      oneOf.add(oneKey(many, list));
    }
    ObjectNode condition = F.objectNode();
    condition.set("oneOf", oneOf);
    defs.set("Condition", condition);
  }

  private void triggerDef() {
    ArrayNode oneOf = F.arrayNode();
    ObjectNode cron = recordSchema(Trigger.Cron.class);
    oneOf.add(cron);
    oneOf.add(oneKey("rate", type(Duration.class)));
    oneOf.add(oneKey("event", F.objectNode().put("type", "object").put("minProperties", 1)));
    oneOf.add(oneKey("manual", F.objectNode().put("const", true)));
    ObjectNode trigger = F.objectNode();
    trigger.set("oneOf", oneOf);
    defs.set("Trigger", trigger);
  }

  private static ObjectNode oneKey(String key, ObjectNode valueSchema) {
    ObjectNode o = F.objectNode().put("type", "object");
    o.set("properties", F.objectNode().set(key, valueSchema));
    o.putArray("required").add(key);
    o.put("additionalProperties", false);
    return o;
  }
}

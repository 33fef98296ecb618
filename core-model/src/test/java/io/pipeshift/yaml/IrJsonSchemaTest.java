package io.pipeshift.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.testing.Examples;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docs/ir.schema.json is generated from the IR records; this test keeps the committed file current
 * (regenerate with -Dpipeshift.updateGolden=true) and shows the schema and the loader agree.
 */
class IrJsonSchemaTest {

  private static final Path SCHEMA_FILE = Examples.root().resolve("docs/ir.schema.json");
  private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
      .getSchema(IrJsonSchema.text(), InputFormat.JSON);

  @Test
  void theCommittedSchemaIsTheGeneratedOne() throws IOException {
    String generated = IrJsonSchema.text();
    if (Boolean.getBoolean("pipeshift.updateGolden")) {
      Files.createDirectories(SCHEMA_FILE.getParent());
      Files.writeString(SCHEMA_FILE, generated);
    }
    assertTrue(Files.exists(SCHEMA_FILE), "missing " + SCHEMA_FILE + ": run mvn -pl core-model test -Dpipeshift.updateGolden=true");
    assertEquals(generated, Files.readString(SCHEMA_FILE),
        "docs/ir.schema.json is stale: run mvn -pl core-model test -Dpipeshift.updateGolden=true");
  }

  static Stream<Path> examples() {
    return Examples.valid().stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleValidatesAgainstTheSchema(Path example) throws IOException {
    List<Error> errors = SCHEMA.validate(json(Files.readString(example)));
    assertTrue(errors.isEmpty(), () -> example + ": " + errors);
  }

  static Stream<Path> shapeErrors() throws IOException, URISyntaxException {
    Path dir = Path.of(IrJsonSchemaTest.class.getResource("/schema-invalid").toURI());
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("shapeErrors")
  void theSchemaAndTheLoaderRejectTheSameShapeErrors(Path fixture) throws IOException {
    String text = Files.readString(fixture);
    assertFalse(SCHEMA.validate(json(text)).isEmpty(), fixture + " passes the schema");
    assertThrows(InvalidInputException.class, () -> new PipelineReader().read(fixture.toString(), text),
        fixture + " passes the loader");
  }

  private static JsonNode json(String yaml) {
    Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    return new ObjectMapper().valueToTree(tree);
  }
}

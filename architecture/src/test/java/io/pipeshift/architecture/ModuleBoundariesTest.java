package io.pipeshift.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The module rules of DESIGN.md, by package, so a module is covered the moment it exists: each module
 * owns a package root (io.pipeshift.to.sagemaker, io.pipeshift.from.asl, io.pipeshift.analyzer, aws, cli,
 * ...); core-model is every other io.pipeshift package (ir, yaml, graph, time, requests, ...).
 */
@AnalyzeClasses(packages = "io.pipeshift", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

  /** Everything in io.pipeshift that is not core-model: the other modules' package roots. */
  static final String[] NOT_CORE = {
    "io.pipeshift.to..", "io.pipeshift.from..", "io.pipeshift.analyzer..", "io.pipeshift.aws..",
    "io.pipeshift.cli..", "io.pipeshift.benchmarks..", "io.pipeshift.oracles..", "io.pipeshift.integration..",
    "io.pipeshift.architecture.."
  };

  /** The package root(s) of each spoke module. */
  static final java.util.Map<String, String[]> SPOKE_MODULES = java.util.Map.of(
      "to-sagemaker", new String[] {"io.pipeshift.to.sagemaker.."},
      "to-stepfunctions-asl", new String[] {"io.pipeshift.to.asl.."},
      "to-airflow-dag", new String[] {"io.pipeshift.to.airflow.."},
      "from-airflow-dag", new String[] {"io.pipeshift.from.airflow.."},
      "from-stepfunctions-asl", new String[] {"io.pipeshift.from.asl.."},
      "from-sagemaker", new String[] {"io.pipeshift.from.sagemaker.."},
      "analyzer", new String[] {"io.pipeshift.analyzer.."});

  @ArchTest
  static final ArchRule coreKnowsNoOtherModule =
      noClasses().that().resideInAPackage("io.pipeshift..").and().resideOutsideOfPackages(NOT_CORE)
          .should().dependOnClassesThat().resideInAnyPackage(NOT_CORE)
          .because("core-model is the hub: every spoke depends on it, never the other way round");

  @ArchTest
  static final ArchRule coreUsesOnlyJacksonAndSnakeYaml =
      classes().that().resideInAPackage("io.pipeshift..").and().resideOutsideOfPackages(NOT_CORE)
          .should().onlyDependOnClassesThat(resideInAnyPackage("io.pipeshift..", "java..", "javax.annotation..",
              "com.fasterxml.jackson..", "org.yaml.snakeyaml..").and(resideOutsideOfPackages(NOT_CORE)))
          .because("DESIGN.md: core-model may depend on Jackson and SnakeYAML only");

  @ArchTest
  static final ArchRule irHasNoSerialisationAnnotations =
      noClasses().that().resideInAnyPackage("io.pipeshift.ir..")
          .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "org.yaml.snakeyaml..")
          .because("the IR is plain records; reading and writing are separate classes (STYLE.md)");

  @ArchTest
  static final ArchRule stepKindsAreRecords =
      classes().that().resideInAPackage("io.pipeshift.ir.kinds").and().areNotInterfaces().and().areNotEnums()
          .and().areNotMemberClasses().and().haveSimpleNameNotEndingWith("package-info")
          .should().beRecords().because("the IR is immutable");

  @ArchTest
  static final ArchRule noSpokeDependsOnAnotherSpoke = spokeIsolation();

  @ArchTest
  static final ArchRule airflowEmitterUsesOnlyCore =
      classes().that().resideInAPackage("io.pipeshift.to.airflow..")
          .should().onlyDependOnClassesThat(resideInAnyPackage("io.pipeshift.to.airflow..", "java..")
              .or(resideInAPackage("io.pipeshift..").and(resideOutsideOfPackages(NOT_CORE))))
          .because("DESIGN.md: to-airflow-dag depends on core-model only")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule onlyTheCliPrints =
      noClasses().that().resideOutsideOfPackages("io.pipeshift.cli..", "io.pipeshift.benchmarks..")
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
          .because("DESIGN.md: none but cli prints");

  @ArchTest
  static final ArchRule onlyTheCliExits =
      noClasses().that().resideOutsideOfPackage("io.pipeshift.cli..")
          .should().callMethod(System.class, "exit", int.class)
          .because("DESIGN.md: none but cli exits");

  @ArchTest
  static final ArchRule onlyAwsTouchesTheNetwork =
      noClasses().that().resideOutsideOfPackages("io.pipeshift.aws..", "io.pipeshift.cli..")
          .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "java.net.http..")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
          .because("DESIGN.md: no module but aws touches the network");

  @ArchTest
  static final ArchRule cliIsNotUsedByModules =
      noClasses().that().resideOutsideOfPackages("io.pipeshift.cli..", "io.pipeshift.benchmarks..")
          .should().dependOnClassesThat().resideInAPackage("io.pipeshift.cli..")
          .because("the CLI sits on top of everything");

  private static ArchRule spokeIsolation() {
    ArchRule rule = null;
    for (var module : new java.util.TreeMap<>(SPOKE_MODULES).entrySet()) {
      String[] others = SPOKE_MODULES.entrySet().stream().filter(e -> !e.getKey().equals(module.getKey()))
          .flatMap(e -> java.util.Arrays.stream(e.getValue())).toArray(String[]::new);
      ArchRule r = noClasses().that().resideInAnyPackage(module.getValue())
          .should().dependOnClassesThat().resideInAnyPackage(concat(others, "io.pipeshift.aws..", "io.pipeshift.cli.."))
          .as(module.getKey() + " depends on no other spoke, aws or cli")
          .because("no spoke depends on another spoke (DESIGN.md)")
          .allowEmptyShould(true); // a module that does not exist yet is covered the moment it appears
      rule = rule == null ? r : com.tngtech.archunit.lang.CompositeArchRule.of(rule).and(r);
    }
    return rule;
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

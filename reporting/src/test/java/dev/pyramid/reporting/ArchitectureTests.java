package dev.pyramid.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.pyramid.framework.api.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * The reporting module's one direction of flow (DESIGN.md): results are read, conditions judge
 * them, the policy names the conditions, the gate decides, renderers render, the command line wires
 * them. Nothing reaches upward. The OpenAPI comparison ({@code apidiff}) sits beside the flow, used
 * by it and using none of it.
 */
@UnitTest
class ArchitectureTests {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.pyramid.reporting");

  @Test
  void data_flows_one_way_results_conditions_policy_decision_render() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("apidiff")
        .definedBy("dev.pyramid.reporting.apidiff..")
        .layer("results")
        .definedBy("dev.pyramid.reporting.results..", "dev.pyramid.reporting.stamp..")
        .layer("conditions")
        .definedBy("dev.pyramid.reporting.conditions..")
        .layer("policy")
        .definedBy("dev.pyramid.reporting.policy..", "dev.pyramid.reporting.quarantine..")
        .layer("decision")
        .definedBy("dev.pyramid.reporting.decision..", "dev.pyramid.reporting.history..")
        .layer("render")
        .definedBy("dev.pyramid.reporting.render..", "dev.pyramid.reporting.allure..")
        .layer("cli")
        .definedBy("dev.pyramid.reporting.cli..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("render")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("decision")
        .mayOnlyBeAccessedByLayers("render", "cli")
        .whereLayer("policy")
        .mayOnlyBeAccessedByLayers("decision", "render", "cli")
        .whereLayer("conditions")
        .mayOnlyBeAccessedByLayers("policy", "decision", "render", "cli")
        .whereLayer("apidiff")
        .mayOnlyBeAccessedByLayers("results", "conditions", "policy", "decision", "render", "cli")
        .check(MAIN);
  }

  /**
   * The OpenAPI comparison is an engine of its own: {@code pyramid api-diff} and, later, a gate
   * condition call it; it knows neither.
   */
  @Test
  void the_api_comparison_depends_on_no_other_package_of_the_gate() {
    noClasses()
        .that()
        .resideInAPackage("dev.pyramid.reporting.apidiff..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.pyramid.reporting.results..",
            "dev.pyramid.reporting.stamp..",
            "dev.pyramid.reporting.conditions..",
            "dev.pyramid.reporting.policy..",
            "dev.pyramid.reporting.quarantine..",
            "dev.pyramid.reporting.decision..",
            "dev.pyramid.reporting.history..",
            "dev.pyramid.reporting.render..",
            "dev.pyramid.reporting.allure..",
            "dev.pyramid.reporting.cli..")
        .check(MAIN);
  }

  @Test
  void internal_plumbing_depends_on_no_other_package_of_the_gate() {
    noClasses()
        .that()
        .resideInAPackage("dev.pyramid.reporting.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.pyramid.reporting.apidiff..",
            "dev.pyramid.reporting.results..",
            "dev.pyramid.reporting.stamp..",
            "dev.pyramid.reporting.conditions..",
            "dev.pyramid.reporting.policy..",
            "dev.pyramid.reporting.quarantine..",
            "dev.pyramid.reporting.decision..",
            "dev.pyramid.reporting.history..",
            "dev.pyramid.reporting.render..",
            "dev.pyramid.reporting.allure..",
            "dev.pyramid.reporting.cli..")
        .check(MAIN);
  }

  @Test
  void packages_have_no_cycles() {
    slices().matching("dev.pyramid.reporting.(*)..").should().beFreeOfCycles().check(MAIN);
  }
}

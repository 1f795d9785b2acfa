package dev.pyramid.framework.api;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * What tests import ({@code dev.pyramid.framework.api}) never hands out a type of {@code
 * dev.pyramid.framework.internal}: a user writes tests against the api package alone.
 */
@UnitTest
class ApiSurfaceTests {

  private static final JavaClasses FRAMEWORK =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.pyramid.framework");

  private static final String INTERNAL = "dev.pyramid.framework.internal..";

  @Test
  void public_api_methods_and_constructors_take_and_return_no_internal_type() {
    codeUnits()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage("dev.pyramid.framework.api..")
        .and()
        .areDeclaredInClassesThat()
        .arePublic()
        .should(
            new ArchCondition<JavaCodeUnit>("take and return no type of " + INTERNAL) {
              @Override
              public void check(JavaCodeUnit unit, ConditionEvents events) {
                if (!unit.getModifiers().contains(JavaModifier.PUBLIC)
                    && !unit.getModifiers().contains(JavaModifier.PROTECTED)) {
                  return; // users cannot call it
                }
                for (JavaClass type : unit.getAllInvolvedRawTypes()) {
                  if (type.getPackageName().startsWith("dev.pyramid.framework.internal")) {
                    events.add(
                        SimpleConditionEvent.violated(
                            unit, unit.getFullName() + " exposes " + type.getName()));
                  }
                }
              }
            })
        .check(FRAMEWORK);
  }

  @Test
  void public_api_fields_are_of_no_internal_type() {
    fields()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage("dev.pyramid.framework.api..")
        .and()
        .arePublic()
        .should()
        .haveRawType(
            describe(
                "a type outside " + INTERNAL,
                (JavaClass type) ->
                    !type.getPackageName().startsWith("dev.pyramid.framework.internal")))
        .allowEmptyShould(true)
        .check(FRAMEWORK);
  }

  @Test
  void public_api_types_extend_and_implement_no_internal_type() {
    noClasses()
        .that()
        .resideInAPackage("dev.pyramid.framework.api..")
        .and()
        .arePublic()
        .should()
        .beAssignableTo(
            describe(
                "a public type of " + INTERNAL,
                (JavaClass type) ->
                    type.getPackageName().startsWith("dev.pyramid.framework.internal")
                        && type.getModifiers().contains(JavaModifier.PUBLIC)))
        .check(FRAMEWORK);
  }
}

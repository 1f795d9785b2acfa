package dev.pyramid.framework.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.model.Label;
import io.qameta.allure.util.AnnotationUtils;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Checks that Allure reads the {@code layer} label through the layer annotations, also when a team
 * wraps them in its own meta-annotation (allure-jupiter reads labels with these same utilities).
 */
@UnitTest
class LayerLabelsTests {

  @Retention(RetentionPolicy.RUNTIME)
  @EndToEndTest
  @interface SmokeTest {}

  @ContractTest
  static class AContractTest {}

  @SmokeTest
  static class ASmokeTest {}

  static class Base {}

  static class InheritsUnit extends UnitAnnotated {}

  @UnitTest
  static class UnitAnnotated extends Base {}

  @Test
  void should_label_a_contract_test_with_its_layer() {
    assertThat(AnnotationUtils.getLabels(AContractTest.class))
        .extracting(Label::getName, Label::getValue)
        .contains(org.assertj.core.groups.Tuple.tuple("layer", "contract"));
  }

  @Test
  void should_label_through_a_teams_own_meta_annotation() {
    assertThat(AnnotationUtils.getLabels(ASmokeTest.class))
        .extracting(Label::getName, Label::getValue)
        .contains(org.assertj.core.groups.Tuple.tuple("layer", "e2e"));
  }

  @Test
  void should_label_a_subclass_of_a_layer_annotated_class() {
    assertThat(AnnotationUtils.getLabels(InheritsUnit.class))
        .extracting(Label::getName, Label::getValue)
        .contains(org.assertj.core.groups.Tuple.tuple("layer", "unit"));
  }

  @Test
  void should_group_suites_and_behaviors_by_layer_first() {
    assertThat(AnnotationUtils.getLabels(ASmokeTest.class))
        .extracting(Label::getName, Label::getValue)
        .contains(
            org.assertj.core.groups.Tuple.tuple("parentSuite", "e2e"),
            org.assertj.core.groups.Tuple.tuple("epic", "e2e"));
    assertThat(AnnotationUtils.getLabels(InheritsUnit.class))
        .extracting(Label::getName, Label::getValue)
        .contains(
            org.assertj.core.groups.Tuple.tuple("parentSuite", "unit"),
            org.assertj.core.groups.Tuple.tuple("epic", "unit"));
    assertThat(AnnotationUtils.getLabels(AContractTest.class))
        .extracting(Label::getName, Label::getValue)
        .contains(
            org.assertj.core.groups.Tuple.tuple("parentSuite", "contract"),
            org.assertj.core.groups.Tuple.tuple("epic", "contract"));
  }

  @Test
  void should_carry_the_tag_the_layer_profiles_select() {
    assertThat(SmokeTest.class.getAnnotation(EndToEndTest.class)).isNotNull();
    assertThat(EndToEndTest.class.getAnnotation(Tag.class).value()).isEqualTo(Layers.E2E);
    assertThat(UnitTest.class.getAnnotation(Tag.class).value()).isEqualTo(Layers.UNIT);
    assertThat(ContractTest.class.getAnnotation(Tag.class).value()).isEqualTo(Layers.CONTRACT);
  }
}

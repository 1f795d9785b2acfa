package dev.pyramid.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

@UnitTest
class ApiKeyCheckTests {

  private final ApiKeyCheck check = new ApiKeyCheck(Set.of("key-one", "key-two"));

  @Test
  void acceptsEveryConfiguredKey() {
    assertThat(check.accepts("key-one")).isTrue();
    assertThat(check.accepts("key-two")).isTrue();
  }

  @Test
  void rejectsAMissingKey() {
    assertThat(check.accepts(null)).isFalse();
  }

  @Test
  void rejectsAnEmptyKey() {
    assertThat(check.accepts("")).isFalse();
  }

  @Test
  void rejectsAWrongKey() {
    assertThat(check.accepts("key-three")).isFalse();
  }

  @Test
  void rejectsAPrefixOfAKey() {
    assertThat(check.accepts("key-on")).isFalse();
  }

  @Test
  void comparesCaseSensitively() {
    assertThat(check.accepts("KEY-ONE")).isFalse();
  }
}

package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** An extension's beforeAll throws (a stub server that cannot bind): neither test runs. */
@ExtendWith(RoutingExtensionTests.RoutingStubExtension.class)
class RoutingExtensionTests {

  static class RoutingStubExtension implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      throw new IllegalStateException("routing stub could not bind port 8089");
    }
  }

  @Test
  void routes_a_ride() {
    assertEquals(1, 1);
  }

  @Test
  void routes_around_a_closure() {
    assertEquals(2, 2);
  }
}

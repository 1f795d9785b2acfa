package sample;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Does what the system property "trace" says, then passes; see pom.xml. */
class TraceTests {

  private static final String TRACE = System.getProperty("trace", "none");

  @Test
  void plans_a_route() throws Exception {
    switch (TRACE) {
      case "native" -> {
        // As a native library or a child process with inherited IO would: past System.out,
        // straight to file descriptor 1, which is Surefire's channel to Maven. Not closed.
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        out.write("routing engine 4.2 ready\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      case "agent" -> NoopAgent.loadIntoThisJvm(); // a Java agent loaded at run time, as Mockito does
      case "sigsegv" -> crash();
      case "hang-exit" ->
          Runtime.getRuntime()
              .addShutdownHook(
                  new Thread(
                      () -> {
                        try {
                          Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      }));
      case "sleep" -> Thread.sleep(60_000);
      default -> {}
    }
  }

  @Test
  void replans_around_a_closure() {}

  /** Reads address 0 through Unsafe: the JVM dies of SIGSEGV, as a faulty native library would. */
  private static void crash() throws ReflectiveOperationException, IOException {
    Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
    Field field = unsafeClass.getDeclaredField("theUnsafe");
    field.setAccessible(true);
    Object unsafe = field.get(null);
    unsafeClass.getMethod("getByte", long.class).invoke(unsafe, 0L);
  }
}

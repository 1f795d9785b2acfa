package sample;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** A Java agent that does nothing, loaded into the running JVM as Mockito and Byte Buddy do. */
public final class NoopAgent {

  private NoopAgent() {}

  public static void agentmain(String arguments, Instrumentation instrumentation) {}

  /** Attaches to this JVM (needs -Djdk.attach.allowAttachSelf=true) and loads this agent. */
  static void loadIntoThisJvm() throws Exception {
    Path jar = Files.createTempFile("noop-agent", ".jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Agent-Class", NoopAgent.class.getName());
    try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      // the class itself is on the test class path
    }
    VirtualMachine vm = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
    try {
      vm.loadAgent(jar.toString());
    } finally {
      vm.detach();
      deleteQuietly(jar);
    }
  }

  private static void deleteQuietly(Path jar) {
    try {
      Files.deleteIfExists(jar);
    } catch (IOException e) {
      // a temporary file
    }
  }
}

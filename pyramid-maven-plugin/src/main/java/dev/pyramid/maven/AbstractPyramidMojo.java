package dev.pyramid.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: the forked {@code pyramid} JVM ({@link PyramidJvm}), the build identity
 * options and the checks that run before anything does. Each check fails with a {@link
 * MojoExecutionException} that names the parameter, its property and the fix.
 */
abstract class AbstractPyramidMojo extends AbstractMojo {

  /**
   * Further options for the forked JVM, after the launcher's, separated by spaces (like the
   * launcher's {@code PYRAMID_JAVA_OPTS}), e.g. {@code -Xmx2g}.
   */
  @Parameter(property = "pyramid.jvmArgs")
  String jvmArgs;

  /**
   * Start the forked JVM from an AppCDS archive of the classes a run loads ({@link
   * #classDataArchive}): about a third less start-up. The first run after the plugin's jars change
   * writes it.
   */
  @Parameter(property = "pyramid.cds", defaultValue = "true")
  boolean classDataSharing;

  /** Where the class-data archive is kept (see {@link #classDataSharing}). */
  @Parameter(
      property = "pyramid.cds.archive",
      defaultValue = "${project.build.directory}/pyramid-maven/pyramid.jsa")
  File classDataArchive;

  /** Where the command runs: git is asked for the commit here. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  File workingDirectory;

  /** The plugin's own files (compiler directives, the unpacked Allure commandline). */
  @Parameter(defaultValue = "${project.build.directory}/pyramid-maven", readonly = true)
  File scratchDirectory;

  /** The plugin's resolved dependencies: pyramid-reporting and what it needs, the Allure zip. */
  @Parameter(defaultValue = "${plugin.artifacts}", readonly = true)
  List<Artifact> pluginArtifacts;

  @Parameter(defaultValue = "${session}", readonly = true)
  MavenSession session;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped()) {
      getLog().info("Skipped (" + skipProperty() + "=true)");
      return;
    }
    if (session != null) {
      checkBooleans(session.getUserProperties(), session.getSystemProperties());
    }
    check();
    run();
  }

  /** Whether the goal's skip parameter is set. */
  abstract boolean skipped();

  /** The property of the goal's skip parameter. */
  abstract String skipProperty();

  /**
   * The boolean parameters of the goal, by property, for {@link #checkBooleans()}: the class-data
   * archive's switch and the goal's skip parameter.
   */
  final List<String> booleanProperties() {
    return skipProperty().isEmpty()
        ? List.of("pyramid.cds")
        : List.of("pyramid.cds", skipProperty());
  }

  /** Validates the parameters; runs nothing. */
  abstract void check() throws MojoExecutionException;

  /** Runs the goal, once {@link #check()} passed. */
  abstract void run() throws MojoExecutionException, MojoFailureException;

  /**
   * Maven turns any word but "true" into false for a boolean parameter: {@code -Dpyramid.cds=ture}
   * would switch the archive off in silence. A value given on the command line must be true or
   * false.
   */
  final void checkBooleans(Properties user, Properties system) throws MojoExecutionException {
    for (String property : booleanProperties()) {
      String value = given(user, property);
      if (value == null) {
        value = given(system, property);
      }
      if (value != null) {
        String word = value.strip().toLowerCase(Locale.ROOT);
        if (!word.equals("true") && !word.equals("false") && !word.isEmpty()) {
          throw new MojoExecutionException(
              "-D"
                  + property
                  + "="
                  + value
                  + " is not a boolean (Maven would read it as false). Fix: -D"
                  + property
                  + "=true or -D"
                  + property
                  + "=false.");
        }
      }
    }
  }

  private static String given(Properties properties, String key) {
    return properties == null ? null : properties.getProperty(key);
  }

  /** A message for a wrong parameter: what is wrong, which parameter and property, the fix. */
  static MojoExecutionException wrong(
      String parameter, String property, String problem, String fix) {
    return new MojoExecutionException(
        problem + " (parameter " + parameter + ", property " + property + "). Fix: " + fix);
  }

  /** Fails unless {@code file} is set and a regular file. */
  static void requireFile(File file, String parameter, String property, String what, String fix)
      throws MojoExecutionException {
    if (file == null) {
      throw wrong(parameter, property, "No " + what + " given", fix);
    }
    if (!file.isFile()) {
      throw wrong(
          parameter,
          property,
          "The "
              + what
              + " "
              + file.getAbsolutePath()
              + (file.exists() ? " is not a file" : " does not exist"),
          fix);
    }
  }

  /**
   * The result roots a comma-separated {@code results} names, relative ones against the working
   * directory. (A String, not a {@code List<File>}: Maven 3.8 cannot set a list from one property,
   * {@code -Dpyramid.results=job-1,job-2}.)
   */
  static List<File> roots(String results, File workingDirectory) {
    List<File> roots = new ArrayList<>();
    if (results == null) {
      return roots;
    }
    for (String part : results.split(",")) {
      if (!part.isBlank()) {
        File file = new File(part.strip());
        roots.add(file.isAbsolute() ? file : new File(workingDirectory, part.strip()));
      }
    }
    return roots;
  }

  /** Fails unless every folder in {@code folders} exists. */
  static void requireFolders(List<File> folders, String parameter, String property, String fix)
      throws MojoExecutionException {
    if (folders == null || folders.isEmpty()) {
      throw wrong(parameter, property, "No result folder given", fix);
    }
    for (File folder : folders) {
      if (!folder.isDirectory()) {
        throw wrong(
            parameter,
            property,
            "The results folder "
                + folder.getAbsolutePath()
                + (folder.exists() ? " is not a folder" : " does not exist"),
            fix);
      }
    }
  }

  /** Adds {@code option value} when the value is set. */
  static void option(List<String> arguments, String option, Object value) {
    if (value != null && !value.toString().isBlank()) {
      arguments.add(option);
      arguments.add(value.toString());
    }
  }

  /**
   * Runs {@code pyramid arguments...} in its own JVM with {@code properties} ({@code -Dk=v}),
   * logging its output as it comes.
   */
  final PyramidJvm.Outcome fork(List<String> properties, List<String> arguments)
      throws MojoExecutionException {
    PyramidJvm jvm = jvm();
    getLog().debug("pyramid " + String.join(" ", arguments));
    try {
      return jvm.run(properties, arguments, getLog()::info, getLog()::warn);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot start the pyramid JVM: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Interrupted while pyramid ran", e);
    }
  }

  /** The forked JVM these parameters describe. */
  final PyramidJvm jvm() {
    List<String> extra =
        jvmArgs == null || jvmArgs.isBlank()
            ? List.of()
            : Arrays.asList(jvmArgs.strip().split("\\s+"));
    return new PyramidJvm(
        PyramidJvm.currentJava(),
        classpath(),
        workingDirectory.toPath(),
        scratchDirectory.toPath(),
        classDataSharing && classDataArchive != null ? classDataArchive.toPath() : null,
        extra);
  }

  /**
   * The jars of the plugin's dependencies; outside Maven (the plugin's own tests), this JVM's
   * classpath.
   */
  final List<Path> classpath() {
    List<Path> entries = new ArrayList<>();
    if (pluginArtifacts == null) {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        entries.add(Path.of(entry));
      }
      return entries;
    }
    for (Artifact artifact : pluginArtifacts) {
      if ("jar".equals(artifact.getType()) && artifact.getFile() != null) {
        entries.add(artifact.getFile().toPath());
      }
    }
    return entries;
  }

  /**
   * The Allure commandline's home: {@code given} when set (it must hold bin/allure), else the
   * plugin's own allure-commandline zip unpacked under the scratch folder (once).
   */
  final Path allureHome(File given, String property) throws MojoExecutionException {
    if (given != null) {
      return given.toPath();
    }
    Artifact zip = null;
    if (pluginArtifacts != null) {
      for (Artifact artifact : pluginArtifacts) {
        if ("allure-commandline".equals(artifact.getArtifactId())
            && "zip".equals(artifact.getType())) {
          zip = artifact;
        }
      }
    }
    if (zip == null || zip.getFile() == null) {
      throw wrong(
          "allureHome",
          property,
          "The plugin has no Allure commandline to unpack",
          "point -D" + property + " at an unpacked Allure 2 commandline (it holds bin/allure).");
    }
    try {
      return AllureCommandline.unpack(
          zip.getFile().toPath(), scratchDirectory.toPath().resolve("allure-commandline"));
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot unpack " + zip.getFile() + ": " + e.getMessage(), e);
    }
  }

  /** Fails unless {@code home} holds bin/allure. */
  static void checkAllureHome(File home, String property) throws MojoExecutionException {
    if (home != null && !Files.isRegularFile(home.toPath().resolve("bin").resolve("allure"))) {
      throw wrong(
          "allureHome",
          property,
          "No bin/allure under " + home.getAbsolutePath(),
          "point -D"
              + property
              + " at an unpacked Allure 2 commandline, or leave it unset and the plugin unpacks its own.");
    }
  }
}

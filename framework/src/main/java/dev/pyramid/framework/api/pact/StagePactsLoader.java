package dev.pyramid.framework.api.pact;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.DirectorySource;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSource;
import au.com.dius.pact.provider.junitsupport.loader.PactLoader;
import dev.pyramid.framework.api.stage.KeptFile;
import dev.pyramid.framework.api.stage.StageBuild;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * The pact source behind {@link StagePacts}: the kept pacts of the stage's build whose provider is
 * the one verified. Pact JVM creates it; tests do not.
 */
public final class StagePactsLoader implements PactLoader {
  private File folder = new File(".");

  public StagePactsLoader(StagePacts annotation) {
    // the annotation carries nothing yet: the stage and history come from the configuration
  }

  @Override
  public List<Pact> load(String providerName) {
    StageBuild.Lookup lookup = StageBuild.fromConfiguration(System::getProperty);
    List<Pact> pacts = new ArrayList<>();
    for (StagePactFile file : StagePactFile.of(lookup, providerName)) {
      pacts.add(DefaultPactReader.INSTANCE.loadPact(file.kept().location().toFile()));
      folder = file.kept().location().getParent().toFile();
    }
    return pacts;
  }

  @Override
  public PactSource getPactSource() {
    return new DirectorySource(folder);
  }

  @Override
  public String description() {
    return "the pacts kept of the stage's build (pyramid promote)";
  }

  /** A kept pact of the stage's build, with the provider and consumer it names. */
  record StagePactFile(KeptFile kept, String consumer, String provider) {

    /** The kept pacts of the looked-up build whose provider is {@code provider}, verified. */
    static List<StagePactFile> of(StageBuild.Lookup lookup, String provider) {
      List<StagePactFile> files = new ArrayList<>();
      if (lookup.build().isEmpty()) {
        return files;
      }
      for (KeptFile kept : lookup.build().get().files("pacts")) {
        Pact pact = DefaultPactReader.INSTANCE.loadPact(kept.verified().toFile());
        if (pact.getProvider().getName().equals(provider)) {
          files.add(new StagePactFile(kept, pact.getConsumer().getName(), provider));
        }
      }
      return files;
    }
  }
}

package dev.pyramid.reporting.results;

import java.util.List;
import java.util.Optional;

/**
 * The table of evidence sources: every {@link EvidenceReader} the gate knows, each once. The
 * policy's {@code sources.<layer>.<key>} keys, the default globs and the collector all read it; a
 * new source is one class and one line here.
 *
 * <p>The order is the order in which a layer's evidence is put together: its sources, problems and
 * test cases list this table's sources one after the other.
 */
public final class EvidenceReaders {

  /** Every source, in the order a layer's evidence lists them. */
  static final List<EvidenceReader<?>> ALL =
      List.of(
          new JUnitXmlReader(),
          new AllureEvidenceReader(),
          new PactReportReader(),
          new PactFileReader(),
          new JacocoXmlReader(),
          new GatlingReportReader(),
          new OpenApiReader(),
          new StageContractsReader(),
          new FlagEvaluationsReader(),
          new EndpointExchangesReader(),
          // After JUnitXmlReader: a report read as the layer's own tests too is refused.
          new RollingUpdateReader(),
          // After JUnitXmlReader: it checks Failsafe's summaries against the test cases read.
          new SurefireTraceReader());

  private EvidenceReaders() {}

  /** Every source's policy key, in table order. */
  public static List<String> keys() {
    return ALL.stream().map(EvidenceReader::key).toList();
  }

  /** The source whose policy key is {@code key}. */
  static Optional<EvidenceReader<?>> byKey(String key) {
    for (EvidenceReader<?> reader : ALL) {
      if (reader.key().equals(key)) {
        return Optional.of(reader);
      }
    }
    return Optional.empty();
  }
}

package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.TestCase;
import java.time.LocalDate;

/**
 * A failed test that a quarantine entry covers.
 *
 * @param expires the last day the entry is valid
 * @param expired true when the entry expired: the failure then counts and blocks
 */
public record QuarantinedFailure(
    Layer layer,
    TestCase testCase,
    String owner,
    String reason,
    LocalDate expires,
    boolean expired) {}

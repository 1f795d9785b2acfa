package dev.pyramid.reporting.decision;

import dev.pyramid.reporting.quarantine.Quarantine;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.TestCase;

/**
 * A failed test that a quarantine entry covers.
 *
 * @param expired true when the entry expired: the failure then counts and blocks
 */
public record QuarantinedFailure(Layer layer, TestCase testCase, Quarantine.Entry entry, boolean expired) {}

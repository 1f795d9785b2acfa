/**
 * Quarantine: {@code quarantine.yml} in, {@link dev.pyramid.reporting.quarantine.Quarantine} out.
 * Known failing tests, each with an owner, a reason and an expiry date. The gate decides what an
 * entry means.
 */
package dev.pyramid.reporting.quarantine;

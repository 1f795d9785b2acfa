/**
 * The gate: {@link dev.pyramid.reporting.results.Evidence} and a {@link
 * dev.pyramid.reporting.policy.Policy} in, a {@link dev.pyramid.reporting.decision.Decision} out.
 *
 * <p>Fail closed: missing, empty or unreadable evidence never promotes.
 */
package dev.pyramid.reporting.decision;

/**
 * The promotion policy: {@code quality-gate.yml} in, {@link dev.pyramid.reporting.policy.Policy}
 * out.
 *
 * <p>Strict: unknown keys, wrong types, unknown layers and stages off the promotion path are {@link
 * dev.pyramid.reporting.policy.PolicyException}s naming file, line and key. This package never
 * reads result files.
 */
package dev.pyramid.reporting.policy;

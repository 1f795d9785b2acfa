/**
 * The feature flag files a policy names, read for the gate: the registry and each stage's flag file
 * ({@link dev.pyramid.reporting.flags.FlagFiles}).
 */
package dev.pyramid.reporting.flags;

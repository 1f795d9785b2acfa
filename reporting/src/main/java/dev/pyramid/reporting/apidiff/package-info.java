/**
 * Compares two OpenAPI documents under Pyramid's rules: paths grouped by their version segment,
 * every backward-incompatible change of a kept version listed (openapi-diff's, and the removals it
 * lets through), removals allowed only after a deprecation's sunset date. Independent of the
 * command line and of the gate, which both call {@link dev.pyramid.reporting.apidiff.ApiDiff}.
 */
package dev.pyramid.reporting.apidiff;

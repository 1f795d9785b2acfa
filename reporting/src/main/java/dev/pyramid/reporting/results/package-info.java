/**
 * Readers: result files of one build in, {@link dev.pyramid.reporting.results.Evidence} out.
 *
 * <p>Readers record what the files say and what could not be read; they never decide.
 */
package dev.pyramid.reporting.results;

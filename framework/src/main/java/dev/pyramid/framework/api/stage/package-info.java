/**
 * What a stage runs, read from the store {@code pyramid promote} keeps beside the history: the
 * build's pacts, API documents and the artifacts that start its services. Tests use it to judge the
 * candidate against what already runs (the stage's pacts against the candidate provider, the
 * candidate's pacts against the stage's provider, mixed-version runs).
 */
package dev.pyramid.framework.api.stage;

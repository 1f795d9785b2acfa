package dev.pyramid.reporting.results;

/**
 * What a collection gives: the evidence the gate decides on, and beside it what the stamp check
 * compares with each root's stamp.
 */
public record CollectedEvidence(Evidence evidence, FilesFound files) {}

package dev.pyramid.reporting.decision;

import dev.pyramid.reporting.conditions.Verdict;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;

/** The verdict on one layer the decision covered, and the evidence it rests on. */
public record LayerResult(Layer layer, Verdict verdict, LayerEvidence evidence) {}

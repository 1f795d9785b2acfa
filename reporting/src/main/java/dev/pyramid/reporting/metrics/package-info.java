/**
 * Delivery metrics read out of the gate's history: how often each stage is deployed, how long a
 * commit takes to reach production, how often a production deployment fails and how fast it
 * recovers, how often the gate blocks and on what, and which tests flip between builds of one
 * commit. Reads the history ({@link dev.pyramid.reporting.history}) and computes; rendering is
 * {@link dev.pyramid.reporting.render}'s.
 */
package dev.pyramid.reporting.metrics;

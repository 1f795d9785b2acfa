/**
 * Renderers: a {@link dev.pyramid.reporting.decision.Decision} in, text and files out (console
 * table, decision.json, decision.md, Allure results); likewise an {@link
 * dev.pyramid.reporting.apidiff.ApiDiffReport} for {@code pyramid api-diff}. Renderers format; they
 * never compute a verdict.
 */
package dev.pyramid.reporting.render;

/**
 * Renderers: a {@link dev.pyramid.reporting.decision.Decision} in, text and files out (console
 * table, decision.json, decision.md, Allure results). Renderers format; they never compute a
 * verdict.
 */
package dev.pyramid.reporting.render;

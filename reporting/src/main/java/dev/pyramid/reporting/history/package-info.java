/**
 * History: every decision and every promotion, one JSON line each, appended safely by concurrent
 * gate runs; and the baselines that relative conditions compare with.
 */
package dev.pyramid.reporting.history;

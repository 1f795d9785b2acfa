package dev.pyramid.reporting.results;

import java.nio.file.Path;

/**
 * One Gatling assertion of a run, as the run's HTML report states it.
 *
 * @param description Gatling's own text, e.g. "Global: 95th percentile of response time is less
 *     than 800"
 * @param expected the condition part of the text, e.g. "is less than 800"
 * @param actual the measured value from the same report's statistics table, or empty when the table
 *     holds no unambiguous value for it (Gatling's report does not print the actual value beside
 *     the assertion)
 * @param passed Gatling's own verdict (OK or KO)
 */
public record PerfAssertion(
    String simulation,
    String description,
    String expected,
    String actual,
    boolean passed,
    Path source) {}

/** The {@code pyramid} command: {@code pyramid gate} and {@code pyramid report}. */
package dev.pyramid.reporting.cli;

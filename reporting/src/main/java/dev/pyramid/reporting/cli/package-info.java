/**
 * The {@code pyramid} command: its subcommands, the options they share (picocli mixins) and its
 * exit codes.
 */
package dev.pyramid.reporting.cli;

/**
 * Evidence bound to a build: {@code pyramid stamp} writes, in a result root, which build produced
 * its files and a SHA-256 manifest of them; the gate checks every root against the build it decides
 * for.
 *
 * <p>This package reads and hashes files; it never decides. Its findings are problems the gate
 * turns into an INCOMPLETE verdict.
 */
package dev.pyramid.reporting.stamp;

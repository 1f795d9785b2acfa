/**
 * Plumbing on files that the gate's readers and its stamps share: the one meaning of a result glob
 * ({@link dev.pyramid.reporting.internal.files.FileGlob}), the walk of a directory's regular files,
 * the checksum of a stamp's entries and what the evidence walk found under each root for the stamp
 * check.
 *
 * <p>Internal: public only because several packages of the gate use it; nothing here is meant for
 * use outside Pyramid, and it may change in any release.
 */
package dev.pyramid.reporting.internal.files;

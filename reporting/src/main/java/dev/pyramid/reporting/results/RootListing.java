package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One result root as the walk lists it for the stamp check: its place among the roots, every
 * regular file found, and those that no reader will hash. Filled by the walking thread.
 */
final class RootListing {

  final Path root;
  final int index;
  final List<Path> files = new ArrayList<>();
  final List<Path> unhashed = new ArrayList<>();

  RootListing(Path root, int index) {
    this.root = root;
    this.index = index;
  }
}

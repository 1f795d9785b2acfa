/**
 * The Maven goals of Pyramid: {@code stamp}, {@code gate}, {@code report} and {@code promote}, each
 * the {@code pyramid} command of the same name run in a JVM of its own ({@link
 * dev.pyramid.maven.PyramidJvm}), with its parameters checked first. The mojo classes are public
 * because Maven instantiates them; nothing here is an API to call.
 */
package dev.pyramid.maven;

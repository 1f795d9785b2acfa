/**
 * One Allure report for the whole build: gathers every module's Allure results, groups them by
 * layer (suites: parentSuite = layer; behaviors: epic = layer, feature = platform area), adds the
 * evidence a reviewer needs (Pact mismatches with their diffs, flaky marks from reruns, tool
 * versions and the CI executor, failure categories), carries the history for trends and runs the
 * Allure 2 commandline.
 */
package dev.pyramid.reporting.allure;

/**
 * One Allure report for the whole build: gathers every module's Allure results and runs the Allure 2
 * commandline to generate the HTML report.
 */
package dev.pyramid.reporting.allure;

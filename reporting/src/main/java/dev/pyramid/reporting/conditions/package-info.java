/**
 * The gate's condition kinds: each one a class that names its policy key, parses its value, says
 * which layer it is about, evaluates itself against a build's evidence and the stage's baseline,
 * words its expected and actual values, files its failures in an Allure category and documents
 * itself with an example. {@link dev.pyramid.reporting.conditions.ConditionKinds} is the one table
 * of them: the policy reader, the gate, the report's categories and {@code pyramid policy
 * --explain} all read it.
 *
 * <p>Adding a kind is one class implementing {@link dev.pyramid.reporting.conditions.ConditionKind}
 * and one line in the table. Kinds read evidence; they never read files or the policy file.
 */
package dev.pyramid.reporting.conditions;

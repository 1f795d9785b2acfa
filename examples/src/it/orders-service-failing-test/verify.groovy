// The tests ran to the end (a failed test does not stop the layers), the gate blocked the build on
// the failed unit tests, and the report shows which test failed.
def decision = new File(basedir, 'target/quality-gate/decision.json').text
assert decision.contains('"verdict" : "BLOCK"') : decision
assert decision.contains('unit.max-failures') : decision
def log = new File(basedir, 'build.log').text
assert log.contains('Quality gate: BLOCK: not promoted to dev; failed: unit.max-failures') : 'the build did not fail with the verdict'
def failed = new File(basedir, 'target/allure-report/data/test-cases').listFiles().findAll {
  it.text.contains('"name":"adds_vat_to_the_price_of_the_items()"') && it.text.contains('"status":"failed"')
}
assert failed : 'the report does not show adds_vat_to_the_price_of_the_items as failed'
true

// mvn verify ran unit, contract and e2e (PostgreSQL and the payments stub really started), stamped
// the results, promoted the build to production and generated the report.
def target = new File(basedir, 'target')
['surefire-reports/unit/TEST-com.example.orders.OrderPricingTests.xml',
 'surefire-reports/contract/TEST-com.example.orders.PaymentsClientPactTests.xml',
 'failsafe-reports/e2e/TEST-com.example.orders.PlaceOrderJourneyIT.xml',
 'site/jacoco/jacoco.xml',
 'allure-report/index.html'].each { assert new File(target, it).isFile() : "missing target/$it" }
assert new File(basedir, '.pyramid/stamp.json').isFile() : 'not stamped'
def decision = new File(target, 'quality-gate/decision.json').text
assert decision.contains('"verdict" : "PROMOTE"') : decision
assert decision.contains('"stage" : "production"') : decision
def history = new File(basedir, '.pyramid/history.jsonl')
assert history.isFile() && history.text.contains('PROMOTE') : 'the decision is not in the history'
def log = new File(basedir, 'build.log').text
assert log.contains('PROMOTE to production') : 'the gate did not print its verdict'
true

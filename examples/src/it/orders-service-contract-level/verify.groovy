// -Plevel=contract ran the Pact consumer tests and nothing else, and the gate decided that layer only.
def target = new File(basedir, 'target')
def contract = new File(target, 'surefire-reports/contract')
assert contract.list().any { it == 'TEST-com.example.orders.PaymentsClientPactTests.xml' } : contract.list()
assert new File(target, 'pacts/orders-service-payments.json').isFile() : 'no pact written'
assert !new File(target, 'surefire-reports/unit').exists() : 'the unit tests ran'
assert !new File(target, 'failsafe-reports/e2e').exists() : 'the e2e tests ran'
assert !new File(target, 'site/jacoco').exists() : 'coverage of a unit run'
def decision = new File(target, 'quality-gate/decision.json').text
assert decision.contains('"level" : [ "contract" ]') : decision
assert decision.contains('"promotionDecided" : false') : decision
assert decision.contains('"verdict" : "LAYERS_PASS"') : decision
true

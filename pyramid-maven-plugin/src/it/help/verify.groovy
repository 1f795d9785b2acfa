// The generated help documents every goal and every parameter with its property.
def log = new File(basedir, 'build.log').text
['pyramid:stamp', 'pyramid:gate', 'pyramid:report', 'pyramid:promote'].each {
  assert log.contains(it) : "help lacks $it"
}
['pyramid.stage', 'pyramid.policy', 'pyramid.results', 'pyramid.level', 'pyramid.lane',
 'pyramid.quarantine', 'pyramid.history', 'pyramid.gate.out', 'pyramid.build.id', 'pyramid.commit',
 'pyramid.allure.results', 'pyramid.allure.report', 'pyramid.allure.home', 'pyramid.allure.history',
 'pyramid.stamp.not-before', 'pyramid.gate.skip', 'pyramid.cds', 'pyramid.jvmArgs'].each {
  assert log.contains("User property: $it") : "help lacks the property $it"
}
true

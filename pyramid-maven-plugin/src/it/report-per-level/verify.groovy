// The Allure commandline came from the plugin (unpacked offline), and each level has its own history.
assert new File(basedir, 'target/allure-report/index.html').isFile()
assert new File(basedir, 'target/pyramid-maven/allure-commandline').isDirectory()
def history = new File(basedir, '.pyramid/allure-history')
assert new File(history, 'all/history.json').isFile() : 'the whole pyramid has no history'
assert new File(history, 'contract/history.json').isFile() : 'the level has no history of its own'
assert !new File(history, 'history-trend.json').exists() : 'the earlier history was not moved into all/'
def logs = basedir.listFiles().findAll { it.name.startsWith('build') && it.name.endsWith('.log') }*.text.join('\n')
assert !logs.contains('carried from ' + new File(basedir, 'target/allure-report/history').path) : 'the level took the pyramid\'s trend'
true

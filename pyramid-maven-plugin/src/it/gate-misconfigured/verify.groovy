// build.log holds the last run only; the invoker keeps one log per run under these names.
def logs = basedir.listFiles().findAll { it.name.startsWith('build') && it.name.endsWith('.log') }*.text.join('\n')
[
  'Unknown stage "stagin"',
  '(parameter stage, property pyramid.stage). Fix: -Dpyramid.stage= one of dev, staging, production.',
  'missing.yml does not exist (parameter policy, property pyramid.policy)',
  'no-such-folder does not exist (parameter results, property pyramid.results)',
  '-Dpyramid.gate.skip=ture is not a boolean',
].each { assert logs.contains(it) : "no message: $it" }
true

// A unit-level run over five passing tests: stamped, decided in the gate's own JVM, recorded.
def log = new File(basedir, 'build.log').text
assert log.contains('Stamped') : 'no stamp'
assert new File(basedir, 'results/.pyramid/stamp.json').isFile()
def decision = new File(basedir, 'target/quality-gate/decision.json')
assert decision.isFile()
assert decision.text.contains('no promotion decided (level=unit)') : decision.text
assert new File(basedir, '.pyramid/history.jsonl').isFile()
true

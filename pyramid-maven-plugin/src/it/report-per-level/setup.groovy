// Two passing results as allure-junit5 wrote them, where a module's build leaves them. They are
// kept under fixture/ because the repository ignores every target/ folder.
def to = new File(basedir, 'module/target/allure-results')
to.mkdirs()
new File(basedir, 'fixture/allure-results').eachFile { new File(to, it.name).bytes = it.bytes }
true

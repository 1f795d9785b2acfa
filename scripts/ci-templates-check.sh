#!/usr/bin/env bash
# ci-templates-check.sh: keeps ci-templates/ from rotting. Lints both templates, then runs their steps here,
# as their jobs would run on CI, so that a wrong command, path or option in a template fails this script.
#
# Usage: scripts/ci-templates-check.sh [--levels unit,contract,e2e,ui,perf] [--out DIR] [--reuse] [--lint-only]
#
#   --levels L,...  the layer jobs to run (default: every level of the GitHub matrix); the gate job then
#                   decides over these alone and must PROMOTE with all five, or give any verdict of a
#                   complete decision (0, 1 or 4) with fewer (the stage then lacks layers: INCOMPLETE, 2)
#   --out DIR       where the jobs' copies of the repository and their artifacts go (default /tmp/pyramid-ci-check)
#   --reuse         keep the layer jobs' artifacts of an earlier run in DIR instead of running those jobs again
#                   (delete DIR/artifacts/pyramid-results-<level> to run one again); the run then takes the
#                   earlier run's build id and commit, as jobs of one pipeline share them
#   --lint-only     lint and compare the templates, run no job
#   PYRAMID_CI_TOOLS  where the linters are installed (default ~/.cache/pyramid-ci-tools, outside the repository)
#
# What it does:
#   1. installs with npm, into PYRAMID_CI_TOOLS: @action-validator/cli 0.6.0 (GitHub workflow schema),
#      gitlab-ci-local 4.75.1 (validates .gitlab-ci.yml against the CI schema of GitLab that it ships) and
#      node@22 from npm, which gitlab-ci-local needs (it calls Set.prototype.union; Node 20 lacks it);
#   2. lints ci-templates/github-actions/pyramid.yml and ci-templates/gitlab/.gitlab-ci.yml;
#   3. checks that the GitLab layer and gate scripts are the GitHub ones, word for word but for the
#      CI's own variables (CI_PIPELINE_ID for GITHUB_RUN_ID);
#   4. runs each GitHub layer job in its own copy of the work tree (git ls-files: a fresh checkout, uncommitted
#      changes included): its `run:` steps in bash with GITHUB_RUN_ID, GITHUB_SHA, GITHUB_STEP_SUMMARY set as
#      CI sets them, every job with the same build id; upload-artifact steps copy their `path` into DIR/artifacts/<name>;
#   5. runs the GitHub gate job in another copy: download-artifact steps copy the artifacts back (by name or
#      pattern), cache steps are skipped (no history: baselines are "no-baseline"), steps for a pull request
#      or the main branch are skipped and named; then the GitLab gate job's script over the same layer roots,
#      laid out as GitLab's artifacts would be;
#   6. fails unless both gate jobs gave the expected exit code, wrote decision.md, and the GitHub one appended
#      it to the job summary.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GITHUB_FILE="$REPO/ci-templates/github-actions/pyramid.yml"
GITLAB_FILE="$REPO/ci-templates/gitlab/.gitlab-ci.yml"
TOOLS="${PYRAMID_CI_TOOLS:-$HOME/.cache/pyramid-ci-tools}"
OUT=/tmp/pyramid-ci-check
LEVELS=""
REUSE=false
LINT_ONLY=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --levels) LEVELS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --reuse) REUSE=true; shift ;;
    --lint-only) LINT_ONLY=true; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

log() { echo "== ci-templates: $*" >&2; }
started=$(date +%s)

# --- 1. the linters, outside the repository -------------------------------------------------------------
if [[ ! -x "$TOOLS/node_modules/.bin/action-validator" || ! -x "$TOOLS/node_modules/.bin/gitlab-ci-local" \
      || ! -x "$TOOLS/node_modules/.bin/node" ]]; then
  log "installing @action-validator/cli@0.6.0, gitlab-ci-local@4.75.1 and node@22 with npm into $TOOLS"
  mkdir -p "$TOOLS"
  npm install --no-audit --no-fund --prefix "$TOOLS" @action-validator/cli@0.6.0 gitlab-ci-local@4.75.1 node@22 \
    > "$TOOLS/npm.log" 2>&1 || { cat "$TOOLS/npm.log" >&2; exit 1; }
fi

# --- 2. lint --------------------------------------------------------------------------------------------
log "action-validator: $GITHUB_FILE"
"$TOOLS/node_modules/.bin/action-validator" "$GITHUB_FILE"
lint_dir="$(mktemp -d)"
trap 'rm -rf "$lint_dir"' EXIT
cp "$GITLAB_FILE" "$lint_dir/.gitlab-ci.yml"
git -C "$lint_dir" init -q
git -C "$lint_dir" add .gitlab-ci.yml
git -C "$lint_dir" -c user.name=check -c user.email=check@localhost commit -qm template
log "gitlab-ci-local --list (GitLab's CI schema): $GITLAB_FILE"
if ! (cd "$lint_dir" && PATH="$TOOLS/node_modules/.bin:$PATH" gitlab-ci-local --list > "$lint_dir/lint.log" 2>&1) \
    || ! grep -q 'json schema validated' "$lint_dir/lint.log"; then
  grep -v "origin" "$lint_dir/lint.log" >&2
  echo "ci-templates check FAILED: $GITLAB_FILE is not valid GitLab CI (see above)" >&2
  exit 1
fi
grep -E '^(name|layer|gate)' "$lint_dir/lint.log" >&2

# --- 3.-6. compare, then run the jobs (python reads the YAML; every command runs in bash) ---------------
mode=run
$LINT_ONLY && mode=compare
$REUSE && mode="$mode-reuse"
python3 - "$REPO" "$GITHUB_FILE" "$GITLAB_FILE" "$OUT" "$mode" "$LEVELS" <<'PY'
import fnmatch, os, pathlib, re, shutil, subprocess, sys, time, yaml

repo, gh_file, gl_file, out, mode, levels_arg = sys.argv[1:]
repo, out = pathlib.Path(repo), pathlib.Path(out)
gh = yaml.safe_load(open(gh_file))
gl = yaml.safe_load(open(gl_file))

def fail(msg):
    print("ci-templates check FAILED: " + msg, file=sys.stderr); sys.exit(1)
def log(msg):
    print("== ci-templates: " + msg, file=sys.stderr, flush=True)

layer, gate = gh["jobs"]["layer"], gh["jobs"]["gate"]
matrix = layer["strategy"]["matrix"]["level"]
gl_matrix = [l for entry in gl["layer"]["parallel"]["matrix"] for l in entry["LEVEL"]]
if sorted(matrix) != sorted(gl_matrix):
    fail(f"the GitHub matrix {matrix} and the GitLab matrix {gl_matrix} differ")
runs = lambda job: [s for s in job["steps"] if "run" in s]
gh_layer_script = "\n".join(s["run"] for s in runs(layer)).strip()
gh_gate_script = "\n".join(s["run"] for s in runs(gate) if "github." not in s.get("if", "")).strip()
gl_layer_script = "\n".join(gl["layer"]["script"]).strip()
gl_gate_script = "\n".join(gl["gate"]["script"]).strip()
if gh_layer_script.replace("GITHUB_RUN_ID", "CI_PIPELINE_ID") != gl_layer_script:
    fail("the GitLab layer script is not the GitHub layer job's run step:\n--- GitHub\n%s\n--- GitLab\n%s"
         % (gh_layer_script, gl_layer_script))
if gh_gate_script != gl_gate_script:
    fail("the GitLab gate script is not the GitHub gate job's run step:\n--- GitHub\n%s\n--- GitLab\n%s"
         % (gh_gate_script, gl_gate_script))
log("the GitLab jobs' scripts are the GitHub jobs' run steps (matrix %s)" % ",".join(matrix))
if mode.startswith("compare"):
    sys.exit(0)

levels = levels_arg.split(",") if levels_arg else matrix
for l in levels:
    if l not in matrix:
        fail(f"--levels names {l}, which the templates' matrix {matrix} does not run")
sha = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
reuse = mode.endswith("-reuse")
artifacts = out / "artifacts"
id_file, sha_file = out / "build-id", out / "commit"
if reuse and id_file.exists() and sha_file.exists():
    # Reused jobs were stamped for the earlier run: every job of this run takes its build id and commit.
    build_id, sha = id_file.read_text().strip(), sha_file.read_text().strip()
else:
    build_id = "local-ci-%d" % time.time()
    shutil.rmtree(out, ignore_errors=True)
out.mkdir(parents=True, exist_ok=True)
id_file.write_text(build_id + "\n")
sha_file.write_text(sha + "\n")

def checkout(dest):
    """A fresh checkout: the files git knows of, as they are in the work tree."""
    shutil.rmtree(dest, ignore_errors=True); dest.mkdir(parents=True)
    files = subprocess.run(["git", "-C", str(repo), "ls-files", "-z", "-co", "--exclude-standard"],
                           check=True, capture_output=True).stdout
    subprocess.run(["bash", "-c", f'cd "{repo}" && xargs -0 tar -cf - --no-recursion | tar -xf - -C "{dest}"'],
                   input=files, check=True)

def expand(text, level):
    return text.replace("${{ matrix.level }}", level or "")

def bash(script, cwd, env, logfile):
    with open(logfile, "a") as f:
        f.write("$ " + script + "\n"); f.flush()
        return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=cwd, env=env,
                              stdout=f, stderr=subprocess.STDOUT).returncode

def copy_into(src, dest):
    if src.is_dir():
        shutil.copytree(src, dest, dirs_exist_ok=True)
    else:
        dest.mkdir(parents=True, exist_ok=True); shutil.copy2(src, dest)

def run_job(name, job, cwd, env, level=None):
    """Runs a GitHub job's steps; returns the first failing run step's exit code (0 if none)."""
    logfile = out / f"{name}.log"
    status = 0
    for step in job["steps"]:
        cond = step.get("if", "")
        label = step.get("name") or step.get("uses") or "run"
        if status != 0 and "always()" not in cond:
            continue
        if "github." in cond:
            log(f"{name}: skipped '{label}' ({cond}: no such event here)"); continue
        if "matrix.level" in cond and f"'{level}'" not in cond:
            continue
        uses = step.get("uses", "")
        w = {k: expand(str(v), level) for k, v in step.get("with", {}).items()}
        if "run" in step:
            started = time.time()
            code = bash(step["run"], cwd, env, logfile)
            log(f"{name}: '{label}' exited {code} in {time.time() - started:.0f} s (log {logfile})")
            status = status or code
        elif uses.startswith("actions/upload-artifact@"):
            src = cwd / w["path"]
            if not src.exists():
                if w.get("if-no-files-found", "warn") == "error":
                    fail(f"{name}: upload-artifact '{w['name']}' finds no {w['path']} (log {logfile})")
                continue
            copy_into(src, artifacts / w["name"])
        elif uses.startswith("actions/download-artifact@"):
            dest = cwd / w.get("path", ".")
            if "name" in w:
                if not (artifacts / w["name"]).is_dir():
                    fail(f"{name}: download-artifact finds no artifact named {w['name']}")
                copy_into(artifacts / w["name"], dest)
            else:
                found = sorted(p for p in artifacts.iterdir() if fnmatch.fnmatch(p.name, w["pattern"]))
                if not found:
                    fail(f"{name}: download-artifact finds no artifact matching {w['pattern']}")
                for p in found:
                    copy_into(p, dest / p.name)
        elif uses.startswith(("actions/checkout@", "actions/setup-java@", "actions/cache")):
            pass  # the copy is the checkout; Java 17 is this machine's; no cache here: no baseline
        else:
            fail(f"{name}: no local mirror for the step '{uses}': teach scripts/ci-templates-check.sh it")
    return status

base_env = {k: v for k, v in os.environ.items()
            if not k.startswith(("GITHUB_", "CI_", "GITLAB_", "RUNNER_"))}
gh_env = dict(base_env, CI="true", GITHUB_ACTIONS="true", GITHUB_RUN_ID=build_id, GITHUB_SHA=sha)

for level in levels:
    done = artifacts / f"pyramid-results-{level}"
    if reuse and done.is_dir():
        log(f"layer {level}: reusing {done}"); continue
    work = out / "jobs" / f"layer-{level}"
    checkout(work)
    env = dict(gh_env, LEVEL=level, GITHUB_STEP_SUMMARY=str(out / f"layer-{level}.summary.md"))
    code = run_job(f"layer-{level}", layer, work, env, level)
    log(f"layer {level}: exit {code}")
    shutil.rmtree(work / "node_modules", ignore_errors=True)

def check_gate(name, code, decision_dir, summary=None):
    expected = {0} if set(levels) == set(matrix) else {0, 1, 4, 2}
    if code not in expected:
        fail(f"{name}: the gate exited {code}, expected {sorted(expected)}; see {out}/{name}.log")
    if not (decision_dir / "decision.md").is_file():
        fail(f"{name}: no decision.md in {decision_dir}")
    headline = (decision_dir / "decision.md").read_text(errors="replace").splitlines()[0]
    if summary is not None and headline not in pathlib.Path(summary).read_text(errors="replace"):
        fail(f"{name}: the job summary {summary} does not hold decision.md ({headline})")
    log(f"{name}: gate exited {code}, {decision_dir / 'decision.md'}")

# GitHub's gate job
work = out / "jobs" / "gate-github"
checkout(work)
summary = out / "gate-github.summary.md"
summary.write_text("")
code = run_job("gate-github", gate, work, dict(gh_env, GITHUB_STEP_SUMMARY=str(summary)))
check_gate("gate-github", code, work / "gate-out", summary)

# GitLab's gate job: each layer job's artifacts:paths land in the gate job's work tree at the same paths
work = out / "jobs" / "gate-gitlab"
checkout(work)
for level in levels:
    copy_into(artifacts / f"pyramid-results-{level}", work / "job-results" / level)
copy_into(artifacts / "pyramid-gate", work / "pyramid-gate")
gl_env = dict(base_env, CI="true", GITLAB_CI="true", CI_PIPELINE_ID=build_id, CI_COMMIT_SHA=sha)
code = bash(gl_gate_script, work, gl_env, out / "gate-gitlab.log")
check_gate("gate-gitlab", code, work / "gate-out")
print((work / "gate-out" / "decision.md").read_text())
PY
log "passed in $(( $(date +%s) - started )) s"

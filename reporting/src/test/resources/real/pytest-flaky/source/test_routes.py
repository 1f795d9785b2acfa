"""Tiny pytest suite rerun by the `flaky` plugin (Debian python3-flaky): a pass, a failure, a test
that fails once and passes on its rerun, one that fails every run, and one that must pass twice.
Regenerate with ../HOW.md."""
from flaky import flaky


def test_shortest_route():
    assert min(3, 5) == 3


def test_avoids_closed_roads():
    # Fails on purpose.
    assert "B" not in ["A", "B"]


_attempts = {"n": 0}


@flaky(max_runs=3, min_passes=1)
def test_traffic_service_reachable():
    # Flaky on purpose: fails on the first run, passes on the rerun.
    _attempts["n"] += 1
    assert _attempts["n"] > 1


@flaky(max_runs=2)
def test_ferry_timetable():
    # Fails on every run, on purpose.
    assert False, "ferry timetable unavailable"


@flaky(max_runs=3, min_passes=2)
def test_bus_lanes_known():
    # Passes every run; min_passes=2 makes flaky run it twice.
    assert "bus" in {"bus", "taxi"}

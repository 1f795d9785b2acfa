// Package fares is a tiny Go suite: passing, failing, skipped, subtests and a flaky test that
// gotestsum --rerun-fails reruns. Regenerate with ../../HOW.md.
package fares

import (
	"os"
	"path/filepath"
	"testing"
)

func fare(km float64) float64 { return 2.5 + km*1.2 }

func TestBaseFare(t *testing.T) {
	if got := fare(0); got != 2.5 {
		t.Fatalf("fare(0) = %v, want 2.5", got)
	}
}

func TestPerKm(t *testing.T) {
	cases := map[string]struct{ km, want float64 }{
		"ten km": {10, 14.5},
		"one km": {1, 3.6}, // fails on purpose: the tariff is 1.20
	}
	for name, c := range cases {
		c := c
		t.Run(name, func(t *testing.T) {
			if got := fare(c.km); got != c.want {
				t.Errorf("fare(%v) = %v, want %v", c.km, got, c.want)
			}
		})
	}
}

func TestNightSurcharge(t *testing.T) {
	t.Skip("night tariff not implemented")
}

// TestTariffService fails on its first run and passes on the rerun: the marker file survives
// between the two go test processes gotestsum starts.
func TestTariffService(t *testing.T) {
	marker := filepath.Join(os.Getenv("FLAKY_MARKER_DIR"), "tariff-service-attempted")
	if _, err := os.Stat(marker); err != nil {
		_ = os.WriteFile(marker, []byte("1"), 0o644)
		t.Fatal("tariff service did not answer (first attempt)")
	}
}

"""NumPy + SciPy reference for `cptc predict bench/numpy/ten-million.cpt --every 10000`.

The plain way to compute the two Eq. 4 curves (docs/laws.md §1, §3) at 1,000 points of a
10,000,000-step run with array code: every step's LR, S1 by cumsum, the momentum of the LR drops
by scipy.signal.lfilter, S2 by cumsum, then the laws at the sampled steps. Same conventions as
cptc: a segment's k-th of n steps at progress k/n, the pre-training warmup counted at its peak
(warmup_area peak), eta_0 := eta_1, lambda = 0.999, S2 split at the switch by step.

usage: python3 predict_10m.py [CPTC_CSV]   (with cptc's CSV of the same steps: compares them)
"""
import csv
import sys

import numpy as np
from scipy.signal import lfilter

LAM = 0.999
PT, PT_WARM, CPT_WARM, TOTAL = 8_000_000, 80_000, 20_000, 10_000_000
LAWS = {  # L0, A, alpha, C1, C2, B, E, beta (Fig. 3)
    "fineweb": (3.057, 0.490, 0.497, 0.299, 0.298, 0.366, 28, 0.189),
    "kp": (3.024, 0.412, 0.677, 0.278, 0.324, -0.666, 5662, 0.146),
}


def progress(n):
    return np.arange(1, n + 1, dtype=np.float64) / n


def schedule():
    """The LR of every step as the areas see it (pre-training warmup at its peak)."""
    pt_warm = np.full(PT_WARM, 2e-4)
    pt_decay = 2e-5 + (2e-4 - 2e-5) * 0.5 * (1 + np.cos(np.pi * progress(PT - PT_WARM)))
    cpt_warm = 1e-4 * progress(CPT_WARM)
    cpt_decay = 1e-4 * 0.5 * (1 + np.cos(np.pi * progress(TOTAL - PT - CPT_WARM)))
    return np.concatenate([pt_warm, pt_decay, cpt_warm, cpt_decay])


def main():
    eta = schedule()
    s1 = np.cumsum(eta)
    drops = np.empty_like(eta)
    drops[0] = 0.0  # eta_0 := eta_1
    drops[1:] = eta[:-1] - eta[1:]
    s2 = np.cumsum(lfilter([1.0], [1.0, -LAM], drops))
    steps = np.array([TOTAL * i // 1000 for i in range(1, 1001)])  # 10,000, 20,000, ... 10,000,000
    i = steps - 1
    after = steps > PT
    s1_pt, s2_pt = s1[PT - 1], s2[PT - 1]
    s1_cpt = np.where(after, s1[i] - s1_pt, 0.0)
    s2_pt_at = np.where(after, s2_pt, s2[i])
    s2_cpt = np.where(after, s2[i] - s2_pt, 0.0)
    out = {}
    for name, (l0, a, alpha, c1, c2, b, e, beta) in LAWS.items():
        out[name] = (l0 + a * s1[i] ** -alpha - c1 * s2_pt_at - c2 * s2_cpt
                     + b * (1 - (1 + e * s1_cpt) ** -beta))
    if len(sys.argv) > 1:
        with open(sys.argv[1], newline="") as f:
            rows = {int(r["step"]): r for r in csv.DictReader(f)}
        worst = max(abs(float(rows[s][n]) - out[n][k]) / out[n][k]
                    for n in LAWS for k, s in enumerate(steps))
        print(f"largest relative difference to cptc: {worst:.2e}")
    else:
        print(f"{len(steps)} steps, final losses " + ", ".join(f"{n} {v[-1]:.6f}" for n, v in out.items()))


if __name__ == "__main__":
    main()

"""NumPy + SciPy reference for `cptc optimize bench/numpy/sweep-10k.cpt`: the best plain sweep.

Pre-training's areas and momentum are computed once; each of the 10,000 candidates (CPT peak LR
× CPT length) then builds its CPT LRs and runs scipy.signal.lfilter over them with the momentum
state carried across the switch (zi), and its two Eq. 4 losses at the end of the run are weighed
into the objective. Same conventions as cptc (docs/laws.md §1, §3; see predict_10m.py).

usage: python3 sweep_10k.py [CPTC_JSON]   (with `cptc optimize … --format json`: compares the best)
"""
import json
import sys

import numpy as np
from scipy.signal import lfilter

LAM = 0.999
PT, PT_WARM = 40_000, 400
LAWS = {  # L0, A, alpha, C1, C2, B, E, beta (Fig. 3)
    "fineweb": (3.057, 0.490, 0.497, 0.299, 0.298, 0.366, 28, 0.189),
    "kp": (3.024, 0.412, 0.677, 0.278, 0.324, -0.666, 5662, 0.146),
}
WEIGHTS = {"fineweb": 0.6, "kp": 0.4}
PEAKS = [1e-5 + k * 1e-6 for k in range(100)]
LENGTHS = list(range(5000, 15000, 100))


def progress(n):
    return np.arange(1, n + 1, dtype=np.float64) / n


def pretraining():
    eta = np.concatenate([np.full(PT_WARM, 2e-4),  # warmup counted at its peak
                          2e-5 + 1.8e-4 * 0.5 * (1 + np.cos(np.pi * progress(PT - PT_WARM)))])
    drops = np.concatenate([[0.0], eta[:-1] - eta[1:]])
    m = lfilter([1.0], [1.0, -LAM], drops)
    return eta[-1], eta.sum(), m.sum(), m[-1]


def main():
    last, s1_pt, s2_pt, m_pt = pretraining()
    best = []
    for peak in PEAKS:
        for n in LENGTHS:
            warm = n // 100  # the CPT phases stretched in proportion: 1 % warmup, the rest cosine
            eta = peak * np.concatenate([progress(warm), 0.5 * (1 + np.cos(np.pi * progress(n - warm)))])
            drops = np.concatenate([[last - eta[0]], eta[:-1] - eta[1:]])
            m, _ = lfilter([1.0], [1.0, -LAM], drops, zi=[LAM * m_pt])
            s1_cpt, s2_cpt = eta.sum(), m.sum()
            objective = 0.0
            for name, (l0, a, alpha, c1, c2, b, e, beta) in LAWS.items():
                loss = (l0 + a * (s1_pt + s1_cpt) ** -alpha - c1 * s2_pt - c2 * s2_cpt
                        + b * (1 - (1 + e * s1_cpt) ** -beta))
                objective += WEIGHTS[name] * loss
            best.append((objective, peak, n))
    best.sort()
    print("best: " + ", ".join(f"peak {p:.3g} steps {n} objective {o:.9f}" for o, p, n in best[:3]))
    if len(sys.argv) > 1:
        cptc = json.load(open(sys.argv[1]))["best"]
        worst = max(abs(c["objective"] - o) for c, (o, _, _) in zip(cptc, best))
        same = all(c["values"]["cpt_steps"] == n and abs(c["values"]["cpt_peak_lr"] - p) < 1e-12
                   for c, (_, p, n) in zip(cptc, best))
        print(f"cptc's best {len(cptc)}: same candidates {same}, largest objective difference {worst:.2e}")


if __name__ == "__main__":
    main()

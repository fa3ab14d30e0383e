"""Harrell's bootstrap optimism correction (Steyerberg, Clinical Prediction Models, ch. 17).

For each bootstrap replicate: refit the full modelling procedure on the resample, measure its
performance on the resample (boot) and on the original data (test); optimism = boot - test.
Optimism-corrected = apparent - mean(optimism).
"""
import json

import numpy as np
import pandas as pd

from cap_model import fit, performance

with open("settings.json") as fh:
    cfg = json.load(fh)

cap = pd.read_csv(cfg["data_path"])
cap = cap[(cap["age"] >= 18) & (cap["hospital_acquired"] == 0)]
cap = cap.dropna(subset=["urea_mmol_l", "resp_rate", "albumin_g_l", "frailty_cfs_band"]).reset_index(drop=True)
outcome = cfg["outcome"]
print(f"n = {len(cap)}, events = {int(cap[outcome].sum())}")

final_model = fit(cfg["formula"], cap)
apparent = performance(final_model, cap, outcome)

rng = np.random.default_rng(cfg["seed"])
optimism = {k: [] for k in apparent}
failed = 0
for b in range(cfg["n_bootstrap"]):
    boot = cap.iloc[rng.integers(0, len(cap), len(cap))].reset_index(drop=True)
    try:
        m_b = fit(cfg["formula"], boot)
    except Exception:  # perfect separation in a rare resample
        failed += 1
        continue
    perf_boot = performance(m_b, boot, outcome)
    perf_orig = performance(m_b, cap, outcome)
    for k in apparent:
        optimism[k].append(perf_boot[k] - perf_orig[k])

summary = pd.DataFrame({
    "apparent": apparent,
    "optimism": {k: float(np.mean(v)) for k, v in optimism.items()},
})
summary["corrected"] = summary["apparent"] - summary["optimism"]
print(summary.round(4))
print(f"{failed} bootstrap fits failed")

summary.to_csv("results/internal_validation_optimism.csv")
final_model.save("results/cap_mortality_glm.pickle")

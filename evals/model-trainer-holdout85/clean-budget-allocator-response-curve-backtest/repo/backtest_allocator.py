"""Offline evaluation of the weekly budget allocator.

Curves are fit on weeks before the cutoff; later weeks are only used to check
how well those curves predict conversions at the spend that actually ran.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import minimize

from response_curves import fit_hill, hill, linear_cpa


def mape(actual, pred):
    actual, pred = np.asarray(actual, float), np.asarray(pred, float)
    return float(np.mean(np.abs(actual - pred) / np.maximum(actual, 1.0)))


def optimise(curves, budget, lo, hi):
    n = len(curves)

    def neg_conversions(shares):
        return -sum(hill(budget * s, *p) for s, p in zip(shares, curves))

    result = minimize(
        neg_conversions,
        x0=np.full(n, 1.0 / n),
        bounds=[(lo, hi)] * n,
        constraints=[{"type": "eq", "fun": lambda s: s.sum() - 1.0}],
        method="SLSQP",
    )
    return result.x


def main():
    cfg = json.loads(Path("allocator_config.json").read_text())
    rng = np.random.default_rng(cfg["seed"])
    weekly = pd.read_csv(cfg["data_path"], parse_dates=["week"]).sort_values("week")
    fit_weeks = weekly[weekly["week"] < cfg["cutoff_week"]]
    eval_weeks = weekly[weekly["week"] >= cfg["cutoff_week"]]

    curves, baselines, report = [], [], {}
    for ch in cfg["channels"]:
        s_fit, c_fit = fit_weeks[f"{ch}_spend"].to_numpy(), fit_weeks[f"{ch}_conversions"].to_numpy()
        params = fit_hill(s_fit, c_fit)
        curves.append(params)
        baselines.append(linear_cpa(s_fit, c_fit))

        s_eval, c_eval = eval_weeks[f"{ch}_spend"].to_numpy(), eval_weeks[f"{ch}_conversions"].to_numpy()
        boot = []
        for _ in range(cfg["bootstrap_rounds"]):
            idx = rng.integers(0, len(s_eval), len(s_eval))
            boot.append(mape(c_eval[idx], hill(s_eval[idx], *params)))
        report[ch] = {
            "hill_mape": mape(c_eval, hill(s_eval, *params)),
            "hill_mape_p90": float(np.percentile(boot, 90)),
            "hill_total_bias": float(hill(s_eval, *params).sum() / max(c_eval.sum(), 1.0) - 1.0),
            "linear_cpa_mape": mape(c_eval, baselines[-1](s_eval)),
        }

    shares = optimise(curves, cfg["weekly_budget"], cfg["min_share"], cfg["max_share"])
    recent = fit_weeks.tail(8)
    current = np.array([recent[f"{ch}_spend"].sum() for ch in cfg["channels"]])
    current_shares = current / current.sum()

    def expected(sh):
        return float(sum(hill(cfg["weekly_budget"] * s, *p) for s, p in zip(sh, curves)))

    summary = pd.DataFrame(report).T
    summary["current_share"] = current_shares
    summary["optimised_share"] = shares
    print(summary.round(3))
    print(f"expected weekly conversions: current mix {expected(current_shares):,.0f} "
          f"-> optimised {expected(shares):,.0f}")
    Path("reports").mkdir(exist_ok=True)
    summary.to_csv("reports/allocator_backtest.csv")


if __name__ == "__main__":
    main()

"""Ranking metrics used in pricing model reviews."""
import numpy as np
import pandas as pd


def exposure_weighted_gini(claims, pred_claims, exposure):
    """Gini index from the ordered Lorenz curve (policies sorted by predicted frequency)."""
    claims, pred_claims, exposure = (np.asarray(a, dtype=float) for a in (claims, pred_claims, exposure))
    order = np.argsort(pred_claims / exposure)
    cum_expo = np.concatenate([[0.0], np.cumsum(exposure[order]) / exposure.sum()])
    cum_claims = np.concatenate([[0.0], np.cumsum(claims[order]) / claims.sum()])
    return 1.0 - 2.0 * np.trapz(cum_claims, cum_expo)


def lift_table(claims, pred_claims, exposure, n_bins=10):
    frame = pd.DataFrame({"claims": claims, "pred": pred_claims, "expo": exposure})
    frame["pred_freq"] = frame["pred"] / frame["expo"]
    frame = frame.sort_values("pred_freq")
    frame["bin"] = np.ceil(frame["expo"].cumsum() / frame["expo"].sum() * n_bins).clip(1, n_bins)
    tab = frame.groupby("bin").agg(expo=("expo", "sum"), actual=("claims", "sum"), expected=("pred", "sum"))
    tab["actual_freq"] = tab["actual"] / tab["expo"]
    tab["expected_freq"] = tab["expected"] / tab["expo"]
    return tab

"""Reject inference by parcelling.

Rejects are banded on the known-good-bad (KGB) model's PD. Within each band, rejects are assigned
good/bad at random with the band's KGB bad rate scaled up by an uplift factor, since rejects are
expected to perform worse than accepts with the same score.
"""
import numpy as np
import pandas as pd


def parcel(rejects, pd_hat, target, n_bands=10, uplift=1.8):
    pd_hat = np.asarray(pd_hat)
    bands = pd.qcut(pd_hat, n_bands, labels=False, duplicates="drop")
    rng = np.random.default_rng()

    inferred = rejects.copy()
    inferred[target] = 0
    for b in np.unique(bands):
        in_band = bands == b
        bad_rate = min(pd_hat[in_band].mean() * uplift, 0.95)
        inferred.loc[in_band, target] = rng.binomial(1, bad_rate, size=int(in_band.sum()))
    inferred["is_inferred"] = 1
    return inferred


def band_summary(pd_hat, inferred_target, n_bands=10):
    bands = pd.qcut(pd_hat, n_bands, labels=False, duplicates="drop")
    return (
        pd.DataFrame({"band": bands, "kgb_pd": pd_hat, "inferred_bad": inferred_target})
        .groupby("band")
        .agg(kgb_pd=("kgb_pd", "mean"), inferred_bad_rate=("inferred_bad", "mean"), n=("band", "size"))
    )

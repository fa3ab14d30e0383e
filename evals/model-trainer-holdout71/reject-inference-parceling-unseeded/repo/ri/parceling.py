"""Reject inference by parceling.

Rejects are scored with the known-good/bad (KGB) model, bucketed into score
bands, and assigned good/bad labels at the band's bad rate multiplied by an
uplift factor (rejects are assumed riskier than accepts in the same band).
"""
import numpy as np
import pandas as pd


def band_bad_rates(pd_accepts, y_accepts, n_bands):
    bands, edges = pd.qcut(pd_accepts, q=n_bands, labels=False, retbins=True, duplicates="drop")
    rates = pd.Series(y_accepts).groupby(bands).mean()
    edges[0], edges[-1] = 0.0, 1.0
    return edges, rates


def parcel_rejects(pd_rejects, edges, rates, uplift):
    band = np.clip(np.searchsorted(edges, pd_rejects, side="right") - 1, 0, len(rates) - 1)
    p_bad = np.minimum(rates.to_numpy()[band] * uplift, 0.95)
    draws = np.random.rand(len(pd_rejects))
    return (draws < p_bad).astype(int)

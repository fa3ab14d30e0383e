"""Fuzzy augmentation reject inference.

Every reject is entered twice: once as bad with weight p(bad) and once as good with weight 1 - p(bad),
where p(bad) comes from the known-good-bad model. An overall reject weight down-weights the inferred
population relative to real outcomes.
"""
import numpy as np
import pandas as pd


def fuzzy_augment(rejects, pd_hat, target, reject_weight=1.0):
    pd_hat = np.clip(np.asarray(pd_hat), 1e-6, 1 - 1e-6)
    as_bad = rejects.assign(**{target: 1, "weight": reject_weight * pd_hat})
    as_good = rejects.assign(**{target: 0, "weight": reject_weight * (1 - pd_hat)})
    return pd.concat([as_bad, as_good], ignore_index=True)


def combine(accepts, augmented, target):
    acc = accepts.assign(weight=1.0, source="accept")
    aug = augmented.assign(source="reject_inferred")
    out = pd.concat([acc, aug], ignore_index=True)
    assert out[target].isin([0, 1]).all()
    return out

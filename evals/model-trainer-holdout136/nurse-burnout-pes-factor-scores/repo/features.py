"""Feature construction for the 2022 nurse work-environment / burnout survey."""
import pandas as pd
from sklearn.decomposition import FactorAnalysis
from sklearn.preprocessing import StandardScaler

DEMOGRAPHICS = [
    "age",
    "years_experience",
    "night_shift",
    "icu_unit",
    "fte",
    "overtime_hours_month",
]


def pes_items(prefix, n_items):
    return [f"{prefix}{i:02d}" for i in range(1, n_items + 1)]


def complete_cases(df, cols):
    return df.dropna(subset=cols).reset_index(drop=True)


def reverse_score(df, cols, scale_max, scale_min=1):
    out = df.copy()
    out[cols] = scale_max + scale_min - out[cols]
    return out


def add_factor_scores(df, items, n_factors, rotation, seed):
    """Replace the raw PES-NWI items with rotated factor scores.

    The 20 items are strongly collinear, so a handful of environment factors
    gives a more stable regression than the raw items.
    """
    z = StandardScaler().fit_transform(df[items])
    fa = FactorAnalysis(n_components=n_factors, rotation=rotation, random_state=seed)
    scores = fa.fit_transform(z)

    names = [f"env_factor{k + 1}" for k in range(n_factors)]
    loadings = pd.DataFrame(fa.components_.T, index=items, columns=names)
    out = df.drop(columns=items).copy()
    out[names] = scores
    return out, loadings

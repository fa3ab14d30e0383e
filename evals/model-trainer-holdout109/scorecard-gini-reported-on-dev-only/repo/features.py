"""Coarse classing for the credit-card application scorecard.

Band edges were agreed with Credit Risk Policy (see CR-2022-041), so they are fixed here rather than
re-derived each time the model is refreshed.
"""
import pandas as pd
import statsmodels.api as sm

BANDS = {
    "applicant_age": [17, 25, 30, 40, 50, 60, 120],
    "months_at_address": [-1, 6, 12, 36, 60, 1200],
    "debt_to_income": [-1, 0.10, 0.20, 0.35, 0.50, 100],
    "num_delinq_12m": [-1, 0, 1, 2, 99],
    "bureau_score": [0, 550, 600, 650, 700, 750, 1000],
    "num_searches_3m": [-1, 0, 1, 3, 99],
}
REFERENCE = {  # lowest-risk band is the reference level
    "applicant_age": 5, "months_at_address": 4, "debt_to_income": 0,
    "num_delinq_12m": 0, "bureau_score": 5, "num_searches_3m": 0,
}


def coarse_class(df):
    out = pd.DataFrame(index=df.index)
    for col, edges in BANDS.items():
        band = pd.cut(df[col].clip(edges[0] + 1e-9, edges[-1]), edges, labels=False)
        out[col] = pd.Categorical(band.fillna(-1).astype(int), categories=[-1] + list(range(len(edges) - 1)))
    return out


def design_matrix(df):
    banded = coarse_class(df)
    parts = []
    for col in BANDS:
        d = pd.get_dummies(banded[col], prefix=col, dtype=float)
        parts.append(d.drop(columns=f"{col}_{REFERENCE[col]}"))
    return sm.add_constant(pd.concat(parts, axis=1), has_constant="add")

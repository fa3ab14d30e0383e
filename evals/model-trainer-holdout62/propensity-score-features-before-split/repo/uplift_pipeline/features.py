"""Feature helpers for the retention uplift model."""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def add_propensity_score(df: pd.DataFrame, covariates, treatment_col: str) -> pd.DataFrame:
    """Attach P(T=1 | X) as a column so the uplift learners can condition on it."""
    model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
    model.fit(df[covariates], df[treatment_col])
    out = df.copy()
    out["pscore"] = np.clip(model.predict_proba(df[covariates])[:, 1], 0.01, 0.99)
    return out


def add_baseline_risk(df: pd.DataFrame, covariates, treatment_col: str, outcome_col: str,
                      seed: int = 0) -> pd.DataFrame:
    """Attach a 'no-offer' renewal score, learned on the control arm."""
    control = df[df[treatment_col] == 0]
    model = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=seed)
    model.fit(control[covariates], control[outcome_col])
    out = df.copy()
    out["baseline_renewal"] = model.predict_proba(df[covariates])[:, 1]
    return out


def log_spend(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["monthly_spend"] = np.log1p(out["monthly_spend"].clip(lower=0))
    return out

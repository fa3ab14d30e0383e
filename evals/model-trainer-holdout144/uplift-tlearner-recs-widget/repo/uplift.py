import lightgbm as lgb
import numpy as np
import pandas as pd


class TLearner:
    """Two outcome models, one per arm; uplift = P(y | treated) - P(y | control)."""

    def __init__(self, params, seed):
        self.m_t = lgb.LGBMClassifier(**params, random_state=seed, verbose=-1)
        self.m_c = lgb.LGBMClassifier(**params, random_state=seed, verbose=-1)

    def fit(self, X, t, y):
        self.m_t.fit(X[t == 1], y[t == 1])
        self.m_c.fit(X[t == 0], y[t == 0])
        return self

    def predict_uplift(self, X):
        return self.m_t.predict_proba(X)[:, 1] - self.m_c.predict_proba(X)[:, 1]


def qini_curve(y, t, uplift, n_bins=20):
    """Cumulative incremental conversions when targeting users in order of predicted uplift."""
    df = pd.DataFrame({"y": y, "t": t, "u": uplift}).sort_values("u", ascending=False)
    df["n_t"] = df["t"].cumsum()
    df["n_c"] = (1 - df["t"]).cumsum()
    df["y_t"] = (df["y"] * df["t"]).cumsum()
    df["y_c"] = (df["y"] * (1 - df["t"])).cumsum()
    q = df["y_t"] - df["y_c"] * df["n_t"] / df["n_c"].replace(0, np.nan)
    idx = np.linspace(0, len(df) - 1, n_bins + 1).astype(int)
    return np.arange(n_bins + 1) / n_bins, q.fillna(0).values[idx]


def qini_coefficient(y, t, uplift):
    frac, q = qini_curve(y, t, uplift)
    random_line = frac * q[-1]
    return float(np.trapz(q - random_line, frac))

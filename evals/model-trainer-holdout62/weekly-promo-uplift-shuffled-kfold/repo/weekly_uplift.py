"""Always-on weekly promo: each week ~90% of active customers get the promo push and a random
10% are held out. We model the weekly uplift from lagged engagement features and score next week's base.
"""
import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.model_selection import KFold

SEED = 5
DATA = "data/promo_customer_weeks.parquet"
LAGS = [1, 2, 4]


def add_lag_features(panel: pd.DataFrame) -> pd.DataFrame:
    panel = panel.sort_values(["customer_id", "week"]).copy()
    g = panel.groupby("customer_id")
    for k in LAGS:
        panel[f"purchased_lag{k}"] = g["purchased"].shift(k)
        panel[f"sessions_lag{k}"] = g["sessions"].shift(k)
    panel["purchases_4w"] = g["purchased"].transform(lambda s: s.shift(1).rolling(4, min_periods=1).sum())
    panel["treated_4w"] = g["treated"].transform(lambda s: s.shift(1).rolling(4, min_periods=1).sum())
    panel["weeks_active"] = g.cumcount()
    return panel.dropna(subset=[f"purchased_lag{max(LAGS)}"])


def qini(y, t, u):
    o = np.argsort(-u)
    y, t = y[o], t[o]
    nt, nc = np.cumsum(t), np.cumsum(1 - t)
    q = np.cumsum(y * t) - np.cumsum(y * (1 - t)) * nt / np.maximum(nc, 1)
    return float((q - np.linspace(0, q[-1], len(q))).mean() / len(q))


def t_learner_fit(X, y, t):
    kw = dict(n_estimators=300, learning_rate=0.05, num_leaves=31, min_child_samples=200,
              is_unbalance=False, random_state=SEED, verbose=-1)
    return LGBMClassifier(**kw).fit(X[t == 1], y[t == 1]), LGBMClassifier(**kw).fit(X[t == 0], y[t == 0])


panel = add_lag_features(pd.read_parquet(DATA))
features = [c for c in panel.columns if c.endswith(tuple(f"lag{k}" for k in LAGS))]
features += ["purchases_4w", "treated_4w", "weeks_active", "tenure_weeks", "segment_code"]
X = panel[features].to_numpy()
y = panel["purchased"].to_numpy()
t = panel["treated"].to_numpy()
print(f"{panel.week.nunique()} weeks, {len(panel):,} customer-weeks, treated share {t.mean():.3f}")

oof = np.zeros(len(panel))
cv = KFold(n_splits=5, shuffle=True, random_state=SEED)
fold_scores = []
for fold, (tr, va) in enumerate(cv.split(X)):
    m1, m0 = t_learner_fit(X[tr], y[tr], t[tr])
    oof[va] = m1.predict_proba(X[va])[:, 1] - m0.predict_proba(X[va])[:, 1]
    fold_scores.append(qini(y[va], t[va], oof[va]))
    print(f"fold {fold}: qini {fold_scores[-1]:.5f}")

rand = np.random.default_rng(SEED).random(len(panel))
print(f"CV qini {np.mean(fold_scores):.5f} ± {np.std(fold_scores):.5f} | random {qini(y, t, rand):.5f}")
top = oof >= np.quantile(oof, 0.8)
print("observed uplift, top quintile: %.4f, overall: %.4f" % (
    y[top & (t == 1)].mean() - y[top & (t == 0)].mean(), y[t == 1].mean() - y[t == 0].mean()))

m1, m0 = t_learner_fit(X, y, t)
latest = panel[panel.week == panel.week.max()]
scores = m1.predict_proba(latest[features].to_numpy())[:, 1] - m0.predict_proba(latest[features].to_numpy())[:, 1]
latest.assign(uplift=scores)[["customer_id", "uplift"]].to_csv("next_week_scores.csv", index=False)

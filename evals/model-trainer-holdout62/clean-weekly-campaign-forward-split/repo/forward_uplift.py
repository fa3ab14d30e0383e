"""Weekly cashback campaign: each week a random 20% control group is held out from the offer.
Train on earlier weeks, choose hyper-parameters with forward-chaining folds, test on the last 8 weeks.
"""
import itertools

import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.model_selection import TimeSeriesSplit

SEED = 90210
TEST_WEEKS = 8
FEATURES = ["log_spend_prev_4w", "txn_prev_4w", "responded_prev_4w", "offers_prev_4w", "tenure_weeks",
            "week_of_year", "card_type_code", "mcc_grocery_share", "mcc_travel_share"]


def qini(y, t, s):
    o = np.argsort(-s, kind="stable")
    y, t = y[o], t[o]
    nt, nc = np.cumsum(t), np.cumsum(1 - t)
    q = np.cumsum(y * t) - np.cumsum(y * (1 - t)) * nt / np.maximum(nc, 1)
    return float((q - np.linspace(0, q[-1], len(q))).mean() / len(q))


def uplift_top(y, t, s, frac=0.2):
    i = np.argsort(-s, kind="stable")[: int(frac * len(s))]
    return float(y[i][t[i] == 1].mean() - y[i][t[i] == 0].mean())


def fit_t_learner(frame, params):
    kw = dict(params, random_state=SEED, verbose=-1)
    m1 = LGBMClassifier(**kw).fit(frame.loc[frame.offer == 1, FEATURES], frame.loc[frame.offer == 1, "used_cashback"])
    m0 = LGBMClassifier(**kw).fit(frame.loc[frame.offer == 0, FEATURES], frame.loc[frame.offer == 0, "used_cashback"])
    return lambda X: m1.predict_proba(X[FEATURES])[:, 1] - m0.predict_proba(X[FEATURES])[:, 1]


panel = pd.read_parquet("data/cashback_weekly_panel.parquet").sort_values(["week", "customer_id"])
panel["log_spend_prev_4w"] = np.log1p(panel["spend_prev_4w"].clip(lower=0))
panel["week_of_year"] = pd.to_datetime(panel["week"]).dt.isocalendar().week.astype(int)

weeks = np.sort(panel["week"].unique())
train_weeks, test_weeks = weeks[:-TEST_WEEKS], weeks[-TEST_WEEKS:]
train = panel[panel["week"].isin(train_weeks)]
test = panel[panel["week"].isin(test_weeks)]
print(f"train weeks {train_weeks[0]}..{train_weeks[-1]}, test weeks {test_weeks[0]}..{test_weeks[-1]}")

grid = [dict(num_leaves=nl, learning_rate=lr, n_estimators=ne, min_child_samples=200)
        for nl, lr, ne in itertools.product([15, 31], [0.03, 0.08], [200, 500])]
tscv = TimeSeriesSplit(n_splits=4)
cv_rows = []
for params in grid:
    fold_q = []
    for fit_w, val_w in tscv.split(train_weeks):
        fit_part = train[train["week"].isin(train_weeks[fit_w])]
        val_part = train[train["week"].isin(train_weeks[val_w])]
        score = fit_t_learner(fit_part, params)(val_part)
        fold_q.append(qini(val_part["used_cashback"].to_numpy(float), val_part["offer"].to_numpy(), score))
    cv_rows.append({**params, "cv_qini": np.mean(fold_q)})
cv_table = pd.DataFrame(cv_rows).sort_values("cv_qini", ascending=False)
print(cv_table.head().to_string(index=False))
best = cv_table.iloc[0].drop("cv_qini").to_dict()
best = {k: int(v) if k != "learning_rate" else float(v) for k, v in best.items()}

scorer = fit_t_learner(train, best)
y_te, t_te = test["used_cashback"].to_numpy(float), test["offer"].to_numpy()
candidates = {
    "t_learner": scorer(test),
    "past_responders": test["responded_prev_4w"].to_numpy(float) + 1e-6 * test["txn_prev_4w"].to_numpy(),
    "random": np.random.default_rng(SEED).random(len(test)),
}
for name, s in candidates.items():
    print(f"{name:>16}: test qini {qini(y_te, t_te, s):.5f} | uplift top 20% {uplift_top(y_te, t_te, s):.4f}")

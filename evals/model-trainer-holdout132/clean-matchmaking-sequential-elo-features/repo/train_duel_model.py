"""Does a GBM on top of Elo predict duel outcomes better than Elo alone?

Card Duels ranked 1v1, Jan to Jun 2024. Train Jan-Apr, validate May, test June.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import brier_score_loss, log_loss

from elo import add_prematch_elo, expected_score

SEED = 5
FEATURES = [
    "elo_diff", "elo_a", "elo_b", "games_a", "games_b",
    "deck_power_a", "deck_power_b", "a_goes_first", "a_winstreak", "b_winstreak",
    "a_ping_ms", "b_ping_ms",
]

raw = pd.read_parquet("data/card_duels_ranked_2024h1.parquet")
raw["ended_at"] = pd.to_datetime(raw["ended_at"])
df = add_prematch_elo(raw, k=24.0)

train = df[df["ended_at"] < "2024-05-01"]
val = df[(df["ended_at"] >= "2024-05-01") & (df["ended_at"] < "2024-06-01")]
test = df[df["ended_at"] >= "2024-06-01"]
print(len(train), len(val), len(test))

model = xgb.XGBClassifier(
    n_estimators=2000,
    learning_rate=0.03,
    max_depth=4,
    subsample=0.8,
    colsample_bytree=0.8,
    min_child_weight=50,
    eval_metric="logloss",
    early_stopping_rounds=50,
    random_state=SEED,
)
model.fit(train[FEATURES], train["a_won"], eval_set=[(val[FEATURES], val["a_won"])], verbose=200)
print("best iteration:", model.best_iteration)

p_gbm = model.predict_proba(test[FEATURES])[:, 1]
p_elo = np.array([expected_score(a, b) for a, b in zip(test["elo_a"], test["elo_b"])])
for name, p in [("elo only", p_elo), ("gbm", p_gbm)]:
    print(f"{name:9s} logloss {log_loss(test['a_won'], p):.4f}  brier {brier_score_loss(test['a_won'], p):.4f}")

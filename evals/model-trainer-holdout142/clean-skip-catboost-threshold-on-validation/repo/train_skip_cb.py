"""Early-skip classifier used by the autoplay queue: a track predicted as "skip" is deprioritised.

Product asks for >= 80% precision on the skip class so we don't bury tracks people would have played.
"""
import json

import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import roc_auc_score

from thresholds import report_at, threshold_for_precision

SEED = 19
MIN_PRECISION = 0.80
CAT = ["context_type", "reason_start", "platform", "user_country", "track_primary_genre"]
NUM = ["session_position", "prev_track_skipped", "prev_tracks_skipped_in_session", "hour_local",
       "track_popularity", "track_age_days", "user_skip_rate_30d", "user_genre_affinity",
       "danceability", "energy", "valence", "tempo", "track_duration_s"]

df = pd.read_parquet("data/autoplay_plays_2024_w10_w22.parquet")
df["played_at"] = pd.to_datetime(df["played_at"])
df["week"] = df["played_at"].dt.isocalendar().week.astype(int)

train = df[df["week"] <= 18]
val = df[df["week"].between(19, 20)]
test = df[df["week"] >= 21]

mk = lambda d: Pool(d[CAT + NUM], d["skipped_early"], cat_features=CAT)
model = CatBoostClassifier(
    iterations=3000, learning_rate=0.05, depth=8, l2_leaf_reg=5, loss_function="Logloss",
    eval_metric="AUC", od_type="Iter", od_wait=150, random_seed=SEED, verbose=250,
)
model.fit(mk(train), eval_set=mk(val), use_best_model=True)

p_val = model.predict_proba(mk(val))[:, 1]
t = threshold_for_precision(val["skipped_early"].to_numpy(), p_val, MIN_PRECISION)
print("val @t:", report_at(val["skipped_early"].to_numpy(), p_val, t))

p_test = model.predict_proba(mk(test))[:, 1]
res = {"test_auc": roc_auc_score(test["skipped_early"], p_test),
       **{f"test_{k}": v for k, v in report_at(test["skipped_early"].to_numpy(), p_test, t).items()}}
print(json.dumps(res, indent=2))
model.save_model("skip_cb.cbm")
with open("skip_cb_threshold.json", "w") as f:
    json.dump({"threshold": t, "min_precision": MIN_PRECISION}, f)

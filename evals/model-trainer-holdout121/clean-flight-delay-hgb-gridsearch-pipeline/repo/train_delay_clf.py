"""
Arrival-delay (ARR_DEL15) classifier on 2022-2023 BTS data for the top-30 airports.

Tuning happens with time-ordered CV inside 2022-01..2023-06; Jul-Dec 2023 is scored once.
"""
import json
import logging

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("delay")

SEED = 20240101
CAT = ["OP_CARRIER", "ORIGIN", "DEST"]
NUM = ["DISTANCE", "CRS_ELAPSED_TIME", "dep_hour", "month", "day_of_week", "origin_hourly_sched"]

df = pd.read_parquet("data/bts_top30_2022_2023.parquet")
df = df[(df.CANCELLED == 0) & (df.DIVERTED == 0)].copy()
df["FL_DATE"] = pd.to_datetime(df.FL_DATE)
df["dep_hour"] = df.CRS_DEP_TIME // 100
df["month"] = df.FL_DATE.dt.month
df["day_of_week"] = df.FL_DATE.dt.dayofweek
df = df.sort_values(["FL_DATE", "CRS_DEP_TIME"]).reset_index(drop=True)

# quick look at the whole period (for the README, not used by the model)
log.info("overall delay rate %.3f", df.ARR_DEL15.mean())
log.info("delay rate by carrier:\n%s", df.groupby("OP_CARRIER").ARR_DEL15.mean().sort_values().to_string())

train = df[df.FL_DATE < "2023-07-01"]
test = df[df.FL_DATE >= "2023-07-01"]
log.info("train %d rows, test %d rows", len(train), len(test))

pre = ColumnTransformer([
    ("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=200), CAT),
    ("num", StandardScaler(), NUM),
], sparse_threshold=0.0)

pipe = Pipeline([
    ("pre", pre),
    ("clf", HistGradientBoostingClassifier(max_iter=400, early_stopping=False, random_state=SEED)),
])

grid = {
    "clf__learning_rate": [0.05, 0.1],
    "clf__max_leaf_nodes": [31, 63],
    "clf__l2_regularization": [0.0, 1.0],
}
search = GridSearchCV(pipe, grid, scoring="roc_auc", cv=TimeSeriesSplit(n_splits=4), n_jobs=-1, refit=True)
search.fit(train[CAT + NUM], train.ARR_DEL15)
log.info("best params %s  cv auc %.4f", search.best_params_, search.best_score_)

proba = search.predict_proba(test[CAT + NUM])[:, 1]
metrics = {
    "roc_auc": roc_auc_score(test.ARR_DEL15, proba),
    "pr_auc": average_precision_score(test.ARR_DEL15, proba),
    "brier": brier_score_loss(test.ARR_DEL15, proba),
    "base_rate_test": float(np.mean(test.ARR_DEL15)),
    "best_params": search.best_params_,
}
log.info(json.dumps(metrics, indent=2))
with open("metrics_test.json", "w") as f:
    json.dump(metrics, f, indent=2)

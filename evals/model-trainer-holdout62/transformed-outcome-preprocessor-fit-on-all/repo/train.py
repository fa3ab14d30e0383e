"""Transformed-outcome uplift regression for the bundle offer (margin outcome)."""
import sys

import numpy as np
import pandas as pd
import tomli
from lightgbm import LGBMRegressor
from sklearn.model_selection import train_test_split

from targeting.evaluation import auuc, cumulative_gain, transformed_outcome
from targeting.preprocess import fit_preprocessor

with open(sys.argv[1] if len(sys.argv) > 1 else "settings.toml", "rb") as fh:
    cfg = tomli.load(fh)

num, cat = cfg["features"]["numeric"], cfg["features"]["categorical"]
T, Y, p = cfg["data"]["treatment"], cfg["data"]["outcome"], cfg["data"]["treatment_prob"]
seed = cfg["split"]["seed"]

df = pd.read_csv(cfg["data"]["path"])
train_df, test_df = train_test_split(df, test_size=cfg["split"]["test_size"], stratify=df[T], random_state=seed)

prep = fit_preprocessor(train_df, test_df, num, cat)
X_tr, X_te = prep.transform(train_df), prep.transform(test_df)
y_tr, t_tr = train_df[Y].to_numpy(float), train_df[T].to_numpy()
y_te, t_te = test_df[Y].to_numpy(float), test_df[T].to_numpy()

z_tr = transformed_outcome(y_tr, t_tr, p)
model = LGBMRegressor(**cfg["model"], random_state=seed, verbose=-1)
model.fit(X_tr, z_tr)
tau_te = model.predict(X_te)

rng = np.random.default_rng(seed)
random_score = rng.random(len(y_te))
z_te = transformed_outcome(y_te, t_te, p)
print(f"AUUC model  : {auuc(y_te, t_te, tau_te):.3f}")
print(f"AUUC random : {auuc(y_te, t_te, random_score):.3f}")
print(f"MSE on transformed outcome: model {np.mean((z_te - tau_te) ** 2):.1f} "
      f"| constant ATE {np.mean((z_te - z_tr.mean()) ** 2):.1f}")
print("cumulative gain by decile:", np.round(cumulative_gain(y_te, t_te, tau_te), 3))

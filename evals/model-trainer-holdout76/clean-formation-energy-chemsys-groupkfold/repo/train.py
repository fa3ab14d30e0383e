"""Formation energy (eV/atom) of ternary oxides; chemical systems never shared between train and test."""
import json
import sys
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from descriptors import chemical_system, featurize


def make_pipeline(name, seed):
    if name == "ridge":
        est = Ridge()
    else:
        est = HistGradientBoostingRegressor(max_iter=600, random_state=seed)
    return Pipeline([("impute", SimpleImputer(strategy="median")),
                     ("scale", StandardScaler()),
                     ("model", est)])


def evaluate(y, p):
    return {"mae": mean_absolute_error(y, p), "rmse": float(np.sqrt(mean_squared_error(y, p))), "r2": r2_score(y, p)}


def main(cfg):
    seed = cfg["seed"]
    df = pd.read_csv(cfg["data"]).dropna(subset=["formula", "delta_e"])
    df = df.groupby("formula", as_index=False)["delta_e"].min()
    X = featurize(df)
    y = df["delta_e"].to_numpy()
    groups = df["formula"].map(chemical_system).to_numpy()

    outer = GroupShuffleSplit(n_splits=1, test_size=cfg["test_fraction"], random_state=seed)
    tr, te = next(outer.split(X, y, groups))
    X_tr, X_te, y_tr, y_te, g_tr = X.iloc[tr], X.iloc[te], y[tr], y[te], groups[tr]
    assert not set(g_tr) & set(groups[te])

    searches = {}
    for name, grid in cfg["models"].items():
        gs = GridSearchCV(make_pipeline(name, seed), {f"model__{k}": v for k, v in grid.items()},
                          cv=GroupKFold(n_splits=cfg["cv_folds"]), scoring="neg_mean_absolute_error", n_jobs=-1)
        gs.fit(X_tr, y_tr, groups=g_tr)
        searches[name] = gs
        print(f"{name}: CV MAE {-gs.best_score_:.4f} eV/atom  {gs.best_params_}")

    best_name = max(searches, key=lambda k: searches[k].best_score_)
    best = searches[best_name].best_estimator_
    dummy = DummyRegressor().fit(X_tr, y_tr)

    report = {"selected": best_name,
              "test_dummy": evaluate(y_te, dummy.predict(X_te)),
              "test_ridge": evaluate(y_te, searches["ridge"].predict(X_te)),
              "test_hgb": evaluate(y_te, searches["hgb"].predict(X_te))}
    print(json.dumps(report, indent=2, default=float))

    # final artifact: same hyper-parameters, refit on every chemical system
    final = make_pipeline(best_name, seed).set_params(**searches[best_name].best_params_)
    final.fit(X, y)
    Path(cfg["artifact"]).parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"pipeline": final, "columns": list(X.columns), "test_report": report}, cfg["artifact"])


if __name__ == "__main__":
    with open(sys.argv[1] if len(sys.argv) > 1 else "config.json") as fh:
        main(json.load(fh))

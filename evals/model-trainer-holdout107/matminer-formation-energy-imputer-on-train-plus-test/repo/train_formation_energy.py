"""LightGBM model for DFT formation energy (eV/atom) from composition only.

Compositions are grouped by chemical system so that e.g. every Li-Fe-O entry lands
on the same side of the split.
"""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupShuffleSplit

from features import featurize_formulas, feature_columns

SEED = 17
TARGET = "formation_energy_per_atom"


def metrics(y_true, y_pred):
    return {
        "mae": mean_absolute_error(y_true, y_pred),
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "r2": r2_score(y_true, y_pred),
    }


def main(args):
    raw = pd.read_csv(args.data)
    raw = raw.dropna(subset=["formula", TARGET])
    raw = raw.sort_values("energy_above_hull").drop_duplicates("formula", keep="first")

    df = featurize_formulas(raw, "formula", n_jobs=args.n_jobs)
    feats = feature_columns(df)
    print(f"{len(df)} compositions, {len(feats)} features, {df['chemsys'].nunique()} chemical systems")

    outer = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=SEED)
    trainval_idx, test_idx = next(outer.split(df, groups=df["chemsys"]))
    trainval, test = df.iloc[trainval_idx], df.iloc[test_idx]

    inner = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=SEED)
    tr_idx, va_idx = next(inner.split(trainval, groups=trainval["chemsys"]))
    train, valid = trainval.iloc[tr_idx], trainval.iloc[va_idx]

    X_train, X_valid, X_test = train[feats], valid[feats], test[feats]
    y_train, y_valid, y_test = train[TARGET].values, valid[TARGET].values, test[TARGET].values

    imputer = SimpleImputer(strategy="median")
    imputer.fit(pd.concat([X_train, X_valid, X_test]))
    X_train = imputer.transform(X_train)
    X_valid = imputer.transform(X_valid)
    X_test = imputer.transform(X_test)

    model = lgb.LGBMRegressor(
        n_estimators=5000,
        learning_rate=0.03,
        num_leaves=63,
        min_child_samples=20,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.7,
        reg_lambda=1.0,
        random_state=SEED,
    )
    model.fit(
        X_train, y_train,
        eval_set=[(X_valid, y_valid)],
        eval_metric="l1",
        callbacks=[lgb.early_stopping(200), lgb.log_evaluation(500)],
    )

    ridge = RidgeCV(alphas=np.logspace(-3, 3, 13)).fit(X_train, y_train)

    results = {
        "best_iteration": int(model.best_iteration_),
        "lgbm_test": metrics(y_test, model.predict(X_test)),
        "ridge_test": metrics(y_test, ridge.predict(X_test)),
        "n_test_chemsys": int(test["chemsys"].nunique()),
    }
    print(json.dumps(results, indent=2))

    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "lgbm_eform.txt"))
    (out / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/mp_formation_energy.csv")
    p.add_argument("--out-dir", default="runs/eform_lgbm")
    p.add_argument("--n-jobs", type=int, default=4)
    main(p.parse_args())

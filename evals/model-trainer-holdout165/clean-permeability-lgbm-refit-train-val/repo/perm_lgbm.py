"""log10 permeability from logs, trained on core-plug depths.

Wells are split into train / validation / test. Validation wells set the number of boosting
rounds; the final model is refitted on train + validation wells with that round count and
the test wells are scored once.
"""
import json
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, r2_score

SEED = 99
FEATURES = ["GR", "RHOB", "NPHI", "DT", "LOG_RT", "PEF", "VSH", "PHIE", "SW"]
PARAMS = dict(objective="regression_l1", learning_rate=0.03, num_leaves=31,
              min_child_samples=20, subsample=0.8, subsample_freq=1,
              colsample_bytree=0.8, reg_lambda=1.0, random_state=SEED, verbose=-1)


def load(path):
    df = pd.read_csv(path)
    df = df[(df["KAIR_MD"] > 0) & df["PHIE"].notna()]
    df["LOG_K"] = np.log10(df["KAIR_MD"])
    df["LOG_RT"] = np.log10(df["RT"].clip(lower=0.1))
    return df


def main(path="data/plugs_depth_matched.csv", split_path="configs/well_split.json"):
    df = load(path)
    split = json.load(open(split_path))
    tr = df[df["WELL"].isin(split["train"])]
    va = df[df["WELL"].isin(split["val"])]
    te = df[df["WELL"].isin(split["test"])]
    assert not (set(split["test"]) & (set(split["train"]) | set(split["val"])))
    print(f"plugs train/val/test: {len(tr)}/{len(va)}/{len(te)}")

    es_model = lgb.LGBMRegressor(n_estimators=5000, **PARAMS)
    es_model.fit(tr[FEATURES], tr["LOG_K"],
                 eval_set=[(va[FEATURES], va["LOG_K"])],
                 callbacks=[lgb.early_stopping(200, verbose=False)])
    n_rounds = es_model.best_iteration_
    va_mae = mean_absolute_error(va["LOG_K"], es_model.predict(va[FEATURES]))
    print(f"best rounds {n_rounds}, validation MAE {va_mae:.3f} log10(mD)")

    trva = pd.concat([tr, va])
    final = lgb.LGBMRegressor(n_estimators=n_rounds, **PARAMS)
    final.fit(trva[FEATURES], trva["LOG_K"])

    pred = final.predict(te[FEATURES])
    err = pred - te["LOG_K"].to_numpy()
    report = {
        "test_mae_log10": mean_absolute_error(te["LOG_K"], pred),
        "test_r2": r2_score(te["LOG_K"], pred),
        "within_factor_3": float(np.mean(np.abs(err) < np.log10(3))),
        "n_rounds": int(n_rounds),
    }
    print(json.dumps(report, indent=2))
    final.booster_.save_model("perm_lgbm.txt")


if __name__ == "__main__":
    main(*sys.argv[1:])

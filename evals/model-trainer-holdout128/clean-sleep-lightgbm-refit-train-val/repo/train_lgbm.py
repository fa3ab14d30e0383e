import json
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import classification_report, cohen_kappa_score, f1_score

from splits import add_context, subject_split

STAGES = ["W", "N1", "N2", "N3", "REM"]


def main(cfg_path):
    cfg = json.load(open(cfg_path))
    df = pd.read_csv(cfg["features_csv"])
    df = df.sort_values([cfg["group_col"], "night", "epoch_idx"]).reset_index(drop=True)

    base_feats = [c for c in df.columns if c not in cfg["drop_cols"] + [cfg["label_col"], cfg["group_col"]]]
    df = add_context(df, cfg["group_col"], base_feats)
    feats = [c for c in df.columns if c not in cfg["drop_cols"] + [cfg["label_col"], cfg["group_col"]]]

    dev, test = subject_split(df, cfg["group_col"], cfg["test_frac"], cfg["seed"])
    train, val = subject_split(dev, cfg["group_col"], cfg["val_frac"], cfg["seed"])
    print(f"subjects: train {train[cfg['group_col']].nunique()}, val {val[cfg['group_col']].nunique()}, "
          f"test {test[cfg['group_col']].nunique()}")

    params = dict(cfg["lgbm"], random_state=cfg["seed"], class_weight="balanced", verbose=-1)
    model = lgb.LGBMClassifier(**params)
    model.fit(train[feats], train[cfg["label_col"]],
              eval_set=[(val[feats], val[cfg["label_col"]])],
              callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)])
    best_iter = model.best_iteration_
    val_pred = model.predict(val[feats])
    print(f"val macro-F1 {f1_score(val[cfg['label_col']], val_pred, average='macro'):.4f} @ {best_iter} trees")

    # refit on train + val with the selected number of trees
    final = lgb.LGBMClassifier(**dict(params, n_estimators=best_iter))
    final.fit(dev[feats], dev[cfg["label_col"]])

    y_true, y_pred = test[cfg["label_col"]], final.predict(test[feats])
    print(classification_report(y_true, y_pred, target_names=STAGES, digits=3))
    print(f"test macro-F1 {f1_score(y_true, y_pred, average='macro'):.4f}  kappa {cohen_kappa_score(y_true, y_pred):.4f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.json")

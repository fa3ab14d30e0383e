"""5-fold LightGBM for Playground S4E10 (loan approval)."""
import argparse
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from features import (
    CAT_COLS,
    add_combo_columns,
    add_ratio_features,
    add_target_encoding,
    encode_categoricals,
)

NUM_BASELINE = ["loan_percent_income", "loan_int_rate", "person_income", "amnt_to_income"]


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    parser.add_argument("--out", default="submissions/lgb_te.csv")
    return parser.parse_args()


def main():
    args = parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    data_dir = Path(cfg["data_dir"])
    train = pd.read_csv(data_dir / "train.csv")
    test = pd.read_csv(data_dir / "test.csv")
    target = cfg["target"]

    train = add_ratio_features(train)
    test = add_ratio_features(test)
    train, test, combo_cols = add_combo_columns(train, test, cfg["combo_pairs"])
    te_cols = CAT_COLS + combo_cols
    train, test = add_target_encoding(train, test, te_cols, target, alpha=cfg["te_alpha"])
    train, test = encode_categoricals(train, test, te_cols)

    features = [c for c in train.columns if c not in ("id", target)]
    X, y = train[features], train[target]
    X_test = test[features]
    print(f"{len(features)} features, positive rate {y.mean():.3f}")

    skf = StratifiedKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=cfg["seed"])
    oof = np.zeros(len(train))
    oof_base = np.zeros(len(train))
    test_pred = np.zeros(len(test))

    for fold, (tr_idx, va_idx) in enumerate(skf.split(X, y)):
        X_tr, X_va = X.iloc[tr_idx], X.iloc[va_idx]
        y_tr, y_va = y.iloc[tr_idx], y.iloc[va_idx]

        base = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
        base.fit(X_tr[NUM_BASELINE], y_tr)
        oof_base[va_idx] = base.predict_proba(X_va[NUM_BASELINE])[:, 1]

        model = lgb.LGBMClassifier(**cfg["lgb_params"], random_state=cfg["seed"])
        model.fit(
            X_tr,
            y_tr,
            eval_set=[(X_va, y_va)],
            eval_metric="auc",
            callbacks=[lgb.early_stopping(200, verbose=False), lgb.log_evaluation(0)],
        )
        oof[va_idx] = model.predict_proba(X_va)[:, 1]
        test_pred += model.predict_proba(X_test)[:, 1] / cfg["n_folds"]
        print(f"fold {fold}: auc={roc_auc_score(y_va, oof[va_idx]):.5f} "
              f"best_iter={model.best_iteration_}")

    print(f"baseline logreg  AUC {roc_auc_score(y, oof_base):.5f}  "
          f"logloss {log_loss(y, oof_base):.5f}")
    print(f"LightGBM + TE    AUC {roc_auc_score(y, oof):.5f}  "
          f"logloss {log_loss(y, oof):.5f}")

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame({"id": test["id"], target: test_pred}).to_csv(out, index=False)
    np.save(out.with_suffix(".oof.npy"), oof)


if __name__ == "__main__":
    main()

"""Stage 2: fit the LightGBM churn model and report held-out metrics."""
import argparse
import json
import logging
from pathlib import Path

import joblib
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from churn.config import CFG

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("train")


def split_xy(df: pd.DataFrame):
    y = df[CFG.target].astype(int)
    X = df.drop(columns=[CFG.target, CFG.id_col])
    return X, y


def score(name: str, y_true, proba) -> dict:
    res = {
        "roc_auc": roc_auc_score(y_true, proba),
        "pr_auc": average_precision_score(y_true, proba),
        "brier": brier_score_loss(y_true, proba),
    }
    log.info("%-10s %s", name, " ".join(f"{k}={v:.4f}" for k, v in res.items()))
    return res


def main(args: argparse.Namespace) -> None:
    train_df = pd.read_parquet(args.data / "train.parquet")
    test_df = pd.read_parquet(args.data / "test.parquet")
    X_tr, y_tr = split_xy(train_df)
    X_te, y_te = split_xy(test_df)

    baseline = DummyClassifier(strategy="prior").fit(X_tr, y_tr)
    model = LGBMClassifier(**CFG.lgbm_params, random_state=CFG.seed, verbose=-1)
    model.fit(X_tr, y_tr, categorical_feature=list(CFG.categorical))

    report = {
        "baseline": score("baseline", y_te, baseline.predict_proba(X_te)[:, 1]),
        "lgbm": score("lgbm", y_te, model.predict_proba(X_te)[:, 1]),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, args.out / "churn_lgbm.joblib")
    (args.out / "metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=CFG.processed_dir)
    parser.add_argument("--out", type=Path, default=CFG.model_dir)
    main(parser.parse_args())

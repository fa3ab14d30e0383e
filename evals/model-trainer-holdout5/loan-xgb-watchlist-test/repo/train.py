import argparse
import json
import logging
from pathlib import Path

import numpy as np
import xgboost as xgb
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

from src.loanrisk.data import load_applications, split_frame
from src.loanrisk.features import LoanFeaturizer

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)


def main(cfg_path: str) -> None:
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    seed = cfg["seed"]
    np.random.seed(seed)
    dcfg = cfg["data"]
    target = dcfg["target"]

    apps = load_applications(dcfg["path"], target)
    train_df, test_df = split_frame(apps, target, dcfg["test_size"], seed)
    logger.info("train=%d test=%d default rate=%.3f", len(train_df), len(test_df), train_df[target].mean())

    feat = LoanFeaturizer(dcfg["categorical"], drop=dcfg["id_cols"] + [target]).fit(train_df)
    X_tr, X_te = feat.transform(train_df), feat.transform(test_df)
    y_tr, y_te = train_df[target].to_numpy(), test_df[target].to_numpy()

    dtrain = xgb.DMatrix(X_tr, label=y_tr)
    dtest = xgb.DMatrix(X_te, label=y_te)
    params = dict(cfg["xgb"], seed=seed)
    watchlist = [(dtrain, "train"), (dtest, "test")]
    booster = xgb.train(
        params,
        dtrain,
        num_boost_round=cfg["num_boost_round"],
        evals=watchlist,
        early_stopping_rounds=cfg["early_stopping_rounds"],
        verbose_eval=100,
    )
    logger.info("best iteration %d", booster.best_iteration)

    p_te = booster.predict(dtest, iteration_range=(0, booster.best_iteration + 1))

    baseline = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(),
                             LogisticRegression(max_iter=2000, class_weight="balanced"))
    baseline.fit(X_tr, y_tr)
    p_base = baseline.predict_proba(X_te)[:, 1]

    metrics = {
        "xgb": {"auc": roc_auc_score(y_te, p_te), "aucpr": average_precision_score(y_te, p_te),
                "brier": brier_score_loss(y_te, p_te)},
        "logreg": {"auc": roc_auc_score(y_te, p_base), "aucpr": average_precision_score(y_te, p_base),
                   "brier": brier_score_loss(y_te, p_base)},
        "best_iteration": booster.best_iteration,
    }
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    booster.save_model(out / "booster.json")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    logger.info(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    main(parser.parse_args().config)

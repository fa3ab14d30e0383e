"""Monthly champion/challenger retrain for the merchant chargeback model."""
import logging

import mlflow
import mlflow.xgboost
import numpy as np
import pandas as pd
import xgboost as xgb
from omegaconf import OmegaConf
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

from chargeback.registry import champion_model, register_and_alias

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("retrain")
ID_COLS = ["txn_id", "merchant_id"]


def scores(y, p) -> dict:
    return {"pr_auc": average_precision_score(y, p), "roc_auc": roc_auc_score(y, p)}


def main() -> None:
    cfg = OmegaConf.load("conf/retrain.yaml")
    np.random.seed(cfg.seed)
    df = pd.read_parquet(cfg.snapshot)
    t = pd.to_datetime(df[cfg.time_col])
    feats = [c for c in df.columns if c not in ID_COLS + [cfg.target, cfg.time_col]]

    train_end = pd.Timestamp(cfg.windows.train_end)
    es_start = train_end - pd.Timedelta(days=cfg.windows.early_stop_days)
    compare_end = pd.Timestamp(cfg.windows.compare_end)
    fit_df = df[t < es_start]
    es_df = df[(t >= es_start) & (t < train_end)]
    compare_df = df[(t >= train_end) & (t < compare_end)]
    test_df = df[t >= compare_end]
    log.info("fit=%d es=%d compare=%d test=%d", len(fit_df), len(es_df), len(compare_df), len(test_df))

    challenger = xgb.XGBClassifier(**cfg.xgb, random_state=cfg.seed)
    challenger.fit(
        fit_df[feats], fit_df[cfg.target],
        eval_set=[(es_df[feats], es_df[cfg.target])],
        verbose=False,
    )
    prior = DummyClassifier(strategy="prior").fit(fit_df[feats], fit_df[cfg.target])

    y_cmp = compare_df[cfg.target]
    chall_cmp = scores(y_cmp, challenger.predict_proba(compare_df[feats])[:, 1])
    prior_cmp = scores(y_cmp, prior.predict_proba(compare_df[feats])[:, 1])
    champion, champ_version = champion_model(cfg.model_name)
    champ_cmp = scores(y_cmp, champion.predict_proba(compare_df[feats])[:, 1]) if champion is not None else None
    log.info("compare window: challenger=%s champion(v%s)=%s prior=%s", chall_cmp, champ_version, champ_cmp, prior_cmp)

    promote = champ_cmp is None or chall_cmp["pr_auc"] >= champ_cmp["pr_auc"] + cfg.promotion_margin_pr_auc

    mlflow.set_experiment("merchant-chargeback")
    with mlflow.start_run(run_name=f"retrain-{cfg.windows.train_end}") as run:
        mlflow.log_params({**OmegaConf.to_container(cfg.xgb), "best_iteration": challenger.best_iteration})
        mlflow.log_metrics({f"compare_challenger_{k}": v for k, v in chall_cmp.items()})
        mlflow.log_metrics({f"compare_prior_{k}": v for k, v in prior_cmp.items()})
        if champ_cmp is not None:
            mlflow.log_metrics({f"compare_champion_{k}": v for k, v in champ_cmp.items()})
        mlflow.xgboost.log_model(challenger, artifact_path="model")

        winner = challenger if promote else champion
        winner_p = (challenger.predict_proba(test_df[feats])[:, 1] if promote
                    else champion.predict_proba(test_df[feats])[:, 1])
        mlflow.log_metrics({f"test_{k}": v for k, v in scores(test_df[cfg.target], winner_p).items()})
        mlflow.set_tag("promoted", str(promote))
        if promote:
            version = register_and_alias(run.info.run_id, cfg.model_name, "champion")
            log.info("challenger promoted as v%s", version)
        else:
            log.info("champion v%s retained (%s)", champ_version, type(winner).__name__)


if __name__ == "__main__":
    main()

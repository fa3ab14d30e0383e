"""Refit the sweep winner on train+validation and score the untouched test split once.

    python train_final.py --sweep acme-ml/crosssell/abc123xy
"""
import argparse
import json

import lightgbm as lgb
import pandas as pd
import wandb
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from crosssell.data import CATEGORICAL, NUMERIC, TARGET, load_customers, make_splits
from crosssell.features import fit_levels, to_matrix


def scores(y, p) -> dict:
    return {"auprc": average_precision_score(y, p), "auroc": roc_auc_score(y, p), "log_loss": log_loss(y, p)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sweep", required=True)
    args = parser.parse_args()
    base = yaml.safe_load(open("configs/base.yaml"))

    best = wandb.Api().sweep(args.sweep).best_run()   # ranked by the sweep metric, val/auprc
    params = {k: v for k, v in best.config.items() if not k.startswith("_")}
    n_rounds = int(best.summary["best_iteration"] * 1.15)   # ~15% more rows after merging validation

    train, val, test = make_splits(load_customers(base["data_path"]), seed=base["seed"])
    full = pd.concat([train, val])
    levels = fit_levels(full)
    booster = lgb.train({**params, "objective": "binary", "seed": base["seed"], "verbose": -1},
                        lgb.Dataset(to_matrix(full, levels), full[TARGET]), num_boost_round=n_rounds)

    baseline = make_pipeline(
        ColumnTransformer([("num", StandardScaler(), NUMERIC),
                           ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL)]),
        LogisticRegression(C=1.0, max_iter=3000, random_state=base["seed"]),
    ).fit(full[NUMERIC + CATEGORICAL], full[TARGET])

    report = {
        "lgbm": scores(test[TARGET], booster.predict(to_matrix(test, levels))),
        "logreg_baseline": scores(test[TARGET], baseline.predict_proba(test[NUMERIC + CATEGORICAL])[:, 1]),
        "sweep_run": best.id,
        "num_boost_round": n_rounds,
    }

    run = wandb.init(project=base["wandb"]["project"], entity=base["wandb"]["entity"], job_type="final",
                     config={**params, "num_boost_round": n_rounds})
    run.summary.update({f"test/{k}": v for k, v in report["lgbm"].items()})
    booster.save_model("crosssell_lgbm.txt")
    artifact = wandb.Artifact("crosssell-lgbm", type="model", metadata=report)
    artifact.add_file("crosssell_lgbm.txt")
    run.log_artifact(artifact)
    run.link_artifact(artifact, f"{base['wandb']['entity']}/model-registry/crosssell")
    run.finish()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

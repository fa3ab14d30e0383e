"""Credit-card default model with native XGBoost; validation carved out of the training split."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("data/default_of_credit_card_clients.csv"))
    parser.add_argument("--eta", type=float, default=0.05)
    parser.add_argument("--max-depth", type=int, default=4)
    parser.add_argument("--test-size", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("runs/default"))
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    accounts = pd.read_csv(args.data).drop(columns=["ID"])
    defaulted = accounts.pop("default.payment.next.month")

    dev_x, holdout_x, dev_y, holdout_y = train_test_split(
        accounts, defaulted, test_size=args.test_size, stratify=defaulted, random_state=args.seed
    )
    fit_x, valid_x, fit_y, valid_y = train_test_split(
        dev_x, dev_y, test_size=0.2, stratify=dev_y, random_state=args.seed
    )
    dfit = xgb.DMatrix(fit_x, label=fit_y)
    dvalid = xgb.DMatrix(valid_x, label=valid_y)
    dholdout = xgb.DMatrix(holdout_x, label=holdout_y)

    params = {
        "objective": "binary:logistic",
        "eval_metric": "aucpr",
        "eta": args.eta,
        "max_depth": args.max_depth,
        "subsample": 0.9,
        "colsample_bytree": 0.8,
        "seed": args.seed,
    }
    booster = xgb.train(
        params,
        dfit,
        num_boost_round=3000,
        evals=[(dfit, "fit"), (dvalid, "valid")],
        early_stopping_rounds=150,
        verbose_eval=250,
    )
    best_rounds = (0, booster.best_iteration + 1)

    # operating threshold: best F1 on the validation split, never on the holdout
    valid_prob = booster.predict(dvalid, iteration_range=best_rounds)
    candidates = np.linspace(0.05, 0.9, 86)
    threshold = float(candidates[np.argmax([f1_score(valid_y, valid_prob >= t) for t in candidates])])

    logistic = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)).fit(fit_x, fit_y)
    holdout_prob = booster.predict(dholdout, iteration_range=best_rounds)
    flagged = holdout_prob >= threshold
    report = {
        "best_iteration": booster.best_iteration,
        "threshold_from_valid": threshold,
        "holdout_roc_auc": roc_auc_score(holdout_y, holdout_prob),
        "holdout_pr_auc": average_precision_score(holdout_y, holdout_prob),
        "holdout_precision": precision_score(holdout_y, flagged),
        "holdout_recall": recall_score(holdout_y, flagged),
        "logistic_holdout_pr_auc": average_precision_score(holdout_y, logistic.predict_proba(holdout_x)[:, 1]),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    booster.save_model(args.out / "booster.ubj")
    (args.out / "report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

"""Prostate cancer risk: LightGBM on PRS (PGS000662), family history and clinical covariates."""
import itertools
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, train_test_split

cfg = yaml.safe_load(Path("params.yaml").read_text())
SEED = cfg["seed"]
np.random.seed(SEED)

df = pd.read_parquet(cfg["paths"]["features"])
y = df.pop("prostate_ca").astype(int).values
X = df
print(f"{len(y)} men, {y.sum()} cases, {X.shape[1]} features")

X_dev, X_hold, y_dev, y_hold = train_test_split(
    X, y, test_size=cfg["holdout_fraction"], stratify=y, random_state=SEED
)

folds = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=SEED)
search = []
for values in itertools.product(*cfg["grid"].values()):
    params = {**cfg["base"], **dict(zip(cfg["grid"].keys(), values)), "seed": SEED}
    cv = lgb.cv(
        params,
        lgb.Dataset(X_dev, label=y_dev),
        num_boost_round=cfg["max_rounds"],
        folds=folds,
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"], verbose=False)],
    )
    key = next(k for k in cv if k.endswith("auc-mean"))
    search.append({"params": params, "rounds": len(cv[key]), "cv_auc": cv[key][-1]})
    print(dict(zip(cfg["grid"].keys(), values)), f"rounds={len(cv[key])} cv_auc={cv[key][-1]:.4f}")

best = max(search, key=lambda r: r["cv_auc"])
print("selected:", best)


def evaluate(p, y_true):
    return {"auroc": roc_auc_score(y_true, p), "auprc": average_precision_score(y_true, p),
            "brier": brier_score_loss(y_true, p)}


prs_only = LogisticRegression(max_iter=1000).fit(X_dev[["prs_z", "age"]], y_dev)
dev_model = lgb.train(best["params"], lgb.Dataset(X_dev, label=y_dev), num_boost_round=best["rounds"])
holdout = {
    "prs_age_logistic": evaluate(prs_only.predict_proba(X_hold[["prs_z", "age"]])[:, 1], y_hold),
    "lgbm": evaluate(dev_model.predict(X_hold), y_hold),
}
print(json.dumps(holdout, indent=2))

# Final deployment model: same hyperparameters and rounds, trained on dev + holdout.
final = lgb.train(best["params"], lgb.Dataset(X, label=y), num_boost_round=best["rounds"])

out = Path(cfg["paths"]["out"])
out.mkdir(parents=True, exist_ok=True)
final.save_model(str(out / "final_model.txt"))
(out / "holdout_metrics.json").write_text(json.dumps(holdout, indent=2))
(out / "selection.json").write_text(json.dumps(
    {"best": best, "all": search, "note": "metrics are from dev_model on the holdout"}, indent=2, default=str))

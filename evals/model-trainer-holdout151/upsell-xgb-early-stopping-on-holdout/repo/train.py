import json
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import average_precision_score, roc_auc_score
from xgboost import XGBClassifier

from data import FEATURES, load_accounts, split


def lift_at(y, p, frac=0.1):
    k = int(len(p) * frac)
    top = np.argsort(-p)[:k]
    return y[top].mean() / y.mean()


def main(cfg_file="config.json"):
    cfg = json.loads(Path(cfg_file).read_text())
    target = cfg["target"]

    df = load_accounts(cfg["accounts_path"])
    train, holdout = split(df, target, cfg["holdout_frac"], cfg["seed"])
    X_tr, y_tr = train[FEATURES], train[target]
    X_ho, y_ho = holdout[FEATURES], holdout[target]

    pos_weight = (y_tr == 0).sum() / max((y_tr == 1).sum(), 1)
    model = XGBClassifier(
        **cfg["xgb_params"],
        scale_pos_weight=pos_weight,
        eval_metric="aucpr",
        early_stopping_rounds=cfg["early_stopping_rounds"],
        random_state=cfg["seed"],
        n_jobs=-1,
    )
    model.fit(X_tr, y_tr, eval_set=[(X_ho, y_ho)], verbose=200)
    print("best iteration:", model.best_iteration)

    p = model.predict_proba(X_ho)[:, 1]
    y = y_ho.to_numpy()
    report = {
        "roc_auc": float(roc_auc_score(y, p)),
        "pr_auc": float(average_precision_score(y, p)),
        "lift@10%": float(lift_at(y, p, 0.10)),
        "best_iteration": int(model.best_iteration),
    }
    print(json.dumps(report, indent=2))

    Path(cfg["model_path"]).parent.mkdir(parents=True, exist_ok=True)
    model.save_model(cfg["model_path"])


if __name__ == "__main__":
    main(*sys.argv[1:])

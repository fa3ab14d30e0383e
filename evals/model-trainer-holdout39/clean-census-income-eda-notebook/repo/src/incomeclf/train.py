import argparse
import json
from pathlib import Path

import joblib
import yaml
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split

from .data import load
from .model import models


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/income.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    seed, target = cfg["seed"], cfg["target"]

    df = load(cfg["data"], target)
    features = cfg["numeric"] + cfg["low_card"] + cfg["high_card"]
    X_train, X_test, y_train, y_test = train_test_split(
        df[features], df[target], test_size=cfg["test_size"], stratify=df[target], random_state=seed
    )

    cv = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=seed)
    summary = {}
    out = Path(cfg["model_dir"])
    out.mkdir(parents=True, exist_ok=True)
    for name, pipe in models(cfg, seed).items():
        res = cross_validate(pipe, X_train, y_train, cv=cv, scoring=["roc_auc", "average_precision", "neg_log_loss"])
        pipe.fit(X_train, y_train)
        proba = pipe.predict_proba(X_test)[:, 1]
        summary[name] = {
            "cv_roc_auc": float(res["test_roc_auc"].mean()),
            "cv_pr_auc": float(res["test_average_precision"].mean()),
            "test_roc_auc": float(roc_auc_score(y_test, proba)),
            "test_pr_auc": float(average_precision_score(y_test, proba)),
            "test_log_loss": float(log_loss(y_test, proba)),
        }
        joblib.dump(pipe, out / f"{name}.joblib")
    (out / "summary.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()

import argparse
import json
import logging
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split

from .pipelines import build_all

log = logging.getLogger("warranty")
SCORING = {"roc_auc": "roc_auc", "pr_auc": "average_precision"}


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/warranty.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)

    claims = pd.read_csv(cfg["claims_csv"])
    X = claims[cfg["numeric"] + cfg["categorical"]]
    y = claims[cfg["target"]].astype(int)
    log.info("%d claims, fraud rate %.3f", len(y), y.mean())
    X_tr, X_te, y_tr, y_te = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    # model choice is made on out-of-fold CV scores; SMOTE runs inside each training fold only
    cv = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=cfg["seed"])
    pipes = build_all(cfg)
    cv_table = {}
    for name, pipe in pipes.items():
        res = cross_validate(pipe, X_tr, y_tr, cv=cv, scoring=SCORING)
        cv_table[name] = {k: float(res[f"test_{k}"].mean()) for k in SCORING}
        log.info("cv %-10s %s", name, cv_table[name])
    chosen = max((n for n in pipes if n != "prior"), key=lambda n: cv_table[n]["pr_auc"])

    final = pipes[chosen].fit(X_tr, y_tr)
    prior = pipes["prior"].fit(X_tr, y_tr)
    test = {}
    for name, model in {chosen: final, "prior": prior}.items():
        p = model.predict_proba(X_te)[:, 1]
        test[name] = {"roc_auc": roc_auc_score(y_te, p), "pr_auc": average_precision_score(y_te, p),
                      "brier": brier_score_loss(y_te, p)}
    joblib.dump(final, out / f"{chosen}.joblib")
    (out / "results.json").write_text(json.dumps({"cv": cv_table, "chosen": chosen, "test": test}, indent=2))


if __name__ == "__main__":
    main()

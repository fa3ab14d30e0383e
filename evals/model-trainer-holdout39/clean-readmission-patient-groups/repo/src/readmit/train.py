import argparse
import json
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, cross_validate

from .models import baselines, gbm_pipeline
from .splitting import inner_cv, patient_holdout

SCORING = {"roc_auc": "roc_auc", "pr_auc": "average_precision", "brier": "neg_brier_score"}


def test_scores(y, p) -> dict:
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
            "brier": brier_score_loss(y, p)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/readmit.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    feats = cfg["numeric"] + cfg["categorical"]

    stays = pd.read_parquet(cfg["encounters"])
    dev, test = patient_holdout(stays, cfg["target"], cfg["group_col"], cfg["outer_folds"], cfg["seed"])
    assert not set(dev[cfg["group_col"]]) & set(test[cfg["group_col"]])

    cv = inner_cv(cfg["inner_folds"])
    groups = dev[cfg["group_col"]]
    search = GridSearchCV(gbm_pipeline(cfg), cfg["grid"], scoring=SCORING, refit="pr_auc", cv=cv)
    search.fit(dev[feats], dev[cfg["target"]], groups=groups)

    report = {"gbm": {"best_params": search.best_params_, "cv_pr_auc": search.best_score_,
                      "test": test_scores(test[cfg["target"]], search.predict_proba(test[feats])[:, 1])}}
    for name, pipe in baselines(cfg).items():
        cv_res = cross_validate(pipe, dev[feats], dev[cfg["target"]], groups=groups, cv=cv, scoring=SCORING)
        pipe.fit(dev[feats], dev[cfg["target"]])
        report[name] = {"cv_pr_auc": float(cv_res["test_pr_auc"].mean()),
                        "test": test_scores(test[cfg["target"]], pipe.predict_proba(test[feats])[:, 1])}

    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(search.best_estimator_, out / "gbm.joblib")
    (out / "report.json").write_text(json.dumps(report, indent=2, default=str))


if __name__ == "__main__":
    main()

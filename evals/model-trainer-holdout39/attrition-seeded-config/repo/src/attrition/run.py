import json
import logging
from pathlib import Path

import joblib
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_validate

from .config import parse_config
from .pipeline import candidates
from .split import holdout_split

log = logging.getLogger("attrition")


def main(argv=None) -> None:
    logging.basicConfig(level=logging.INFO)
    cfg = parse_config(argv)
    out = Path(cfg.artifacts)
    out.mkdir(parents=True, exist_ok=True)

    df = pd.read_csv(cfg.data_path).drop(columns=["employee_id"])
    train_df, test_df = holdout_split(df, cfg.target, cfg.test_size)
    y_train = train_df.pop(cfg.target)
    y_test = test_df.pop(cfg.target)

    cv = StratifiedKFold(n_splits=cfg.cv_folds, shuffle=True, random_state=cfg.seed)
    report = {}
    for name, pipe in candidates(cfg.model, cfg.seed).items():
        cv_res = cross_validate(pipe, train_df, y_train, cv=cv, scoring=["roc_auc", "average_precision"])
        pipe.fit(train_df, y_train)
        proba = pipe.predict_proba(test_df)[:, 1]
        report[name] = {
            "cv_roc_auc": float(cv_res["test_roc_auc"].mean()),
            "cv_pr_auc": float(cv_res["test_average_precision"].mean()),
            "test_roc_auc": float(roc_auc_score(y_test, proba)),
            "test_pr_auc": float(average_precision_score(y_test, proba)),
        }
        joblib.dump(pipe, out / f"{name}.joblib")
        log.info("%s %s", name, report[name])
    (out / "report.json").write_text(json.dumps({"seed": cfg.seed, **report}, indent=2))


if __name__ == "__main__":
    main()

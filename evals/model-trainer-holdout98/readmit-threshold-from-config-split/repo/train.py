import json
import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.compose import make_column_transformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from readmission.data import CATEGORICAL, NUMERIC, grouped_holdout, load
from readmission.metrics import operating_point, ranking_metrics, threshold_for_sensitivity


def main(cfg_path):
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    seed = cfg["seed"]
    np.random.seed(seed)
    label, group = cfg["data"]["label"], cfg["data"]["group"]

    df = load(cfg["data"]["path"])
    dev, test = grouped_holdout(df, label, group, cfg["split"]["test_frac"], seed)
    train, val = grouped_holdout(dev, label, group, cfg["split"]["val_frac"], seed)
    features = NUMERIC + CATEGORICAL
    splits = {
        name: (part[features], part[label].to_numpy())
        for name, part in [("train", train), ("val", val), ("test", test)]
    }
    X_train, y_train = splits["train"]
    X_val, y_val = splits["val"]
    X_test, y_test = splits["test"]

    model = lgb.LGBMClassifier(random_state=seed, verbose=-1, **cfg["lgbm"])
    model.fit(
        X_train, y_train,
        eval_set=[(X_val, y_val)],
        eval_metric="average_precision",
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"], verbose=False)],
    )

    baseline = make_pipeline(
        make_column_transformer(
            (make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUMERIC),
            (OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ),
        LogisticRegression(max_iter=2000),
    )
    baseline.fit(X_train, y_train)

    X_thr, y_thr = splits[cfg["threshold"]["tune_on"]]
    threshold = threshold_for_sensitivity(y_thr, model.predict_proba(X_thr)[:, 1],
                                          cfg["threshold"]["target_sensitivity"])

    report = {"run": cfg["run_name"], "best_iteration": model.best_iteration_}
    for name, clf in [("logreg", baseline), ("lgbm", model)]:
        p_test = clf.predict_proba(X_test)[:, 1]
        report[name] = ranking_metrics(y_test, p_test)
    report["lgbm"]["operating_point"] = operating_point(
        y_test, model.predict_proba(X_test)[:, 1], threshold)

    print(json.dumps(report, indent=2, default=float))
    out = Path("runs") / cfg["run_name"]
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, indent=2, default=float))
    model.booster_.save_model(str(out / "model.txt"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.yaml")

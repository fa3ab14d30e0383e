"""Defect prediction on NASA MDP jm1 with a tuned logistic-regression pipeline."""
import json
from pathlib import Path

import pandas as pd
from sklearn.metrics import roc_auc_score, f1_score, balanced_accuracy_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split

from pipeline import build_pipeline


def load(cfg):
    df = pd.read_csv(cfg["data_path"], na_values=["?"])
    # jm1 contains many exact duplicate modules (Shepperd et al. 2013); drop them so that
    # identical rows cannot sit on both sides of the split
    df = df.drop_duplicates().reset_index(drop=True)
    df = df.drop(columns=cfg["drop_columns"])
    y = df.pop(cfg["target"]).map({True: 1, False: 0, "true": 1, "false": 0}).astype(int)
    return df, y


def main(cfg_path="config.json"):
    cfg = json.load(open(cfg_path))
    X, y = load(cfg)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    cv = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=cfg["seed"])
    search = GridSearchCV(build_pipeline(cfg["seed"]), cfg["param_grid"], cv=cv,
                          scoring=cfg["scoring"], n_jobs=-1, refit=True)
    search.fit(X_train, y_train)
    print("best params:", search.best_params_)
    print(f"cv {cfg['scoring']}: {search.best_score_:.3f}")

    proba = search.predict_proba(X_test)[:, 1]
    pred = search.predict(X_test)
    report = {
        "best_params": search.best_params_,
        "cv_auc": search.best_score_,
        "test_auc": roc_auc_score(y_test, proba),
        "test_f1": f1_score(y_test, pred),
        "test_balanced_acc": balanced_accuracy_score(y_test, pred),
    }
    print(json.dumps(report, indent=2, default=str))
    Path(cfg["report_path"]).parent.mkdir(parents=True, exist_ok=True)
    Path(cfg["report_path"]).write_text(json.dumps(report, indent=2, default=str))


if __name__ == "__main__":
    main()

import argparse
import json
import random
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, f1_score, matthews_corrcoef
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split

from router.embeddings import build_text, encode
from router.model import build_pipeline


def scores(y_true, y_pred):
    return {
        "macro_f1": round(f1_score(y_true, y_pred, average="macro"), 4),
        "balanced_accuracy": round(balanced_accuracy_score(y_true, y_pred), 4),
        "mcc": round(matthews_corrcoef(y_true, y_pred), 4),
    }


def main(cfg):
    seed = cfg["seed"]
    random.seed(seed)
    np.random.seed(seed)

    d = cfg["data"]
    df = pd.read_csv(d["path"])
    counts = df[d["label"]].value_counts()
    df = df[df[d["label"]].isin(counts[counts >= d["min_count"]].index)].reset_index(drop=True)

    X = encode(build_text(df, d["text_fields"]), cfg["encoder"]["name"], cfg["encoder"]["batch_size"])
    y = df[d["label"]].values

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["split"]["test_size"], stratify=y, random_state=seed
    )

    s = cfg["search"]
    cv = StratifiedKFold(n_splits=s["folds"], shuffle=True, random_state=seed)
    search = GridSearchCV(build_pipeline(seed), s["grid"], scoring=s["scoring"], cv=cv, n_jobs=-1, refit=True)
    search.fit(X_train, y_train)
    print("best params:", search.best_params_, "cv score:", round(search.best_score_, 4))

    baselines = {
        "majority": DummyClassifier(strategy="most_frequent"),
        "logreg_raw": LogisticRegression(max_iter=3000, random_state=seed),
    }
    report = {}
    for name, model in baselines.items():
        model.fit(X_train, y_train)
        report[name] = scores(y_test, model.predict(X_test))
    report["pca_svc"] = scores(y_test, search.predict(X_test))
    print(json.dumps(report, indent=2))

    out = Path(cfg["output"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(search.best_estimator_, out / "pipeline.joblib")
    (out / "report.json").write_text(json.dumps({"best_params": search.best_params_, **report}, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("-c", "--config", default="config.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))

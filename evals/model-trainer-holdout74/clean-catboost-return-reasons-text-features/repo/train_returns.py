"""Classify free-text return comments into return reasons with CatBoost text features."""
import json
import sys
from pathlib import Path

import pandas as pd
import yaml
from catboost import CatBoostClassifier, Pool
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score, log_loss
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder


def load_config(path):
    with open(path) as fh:
        return yaml.safe_load(fh)


def make_pool(frame, cfg, with_label=True):
    d = cfg["data"]
    cols = [d["text"], *d["categorical"], *d["numeric"]]
    return Pool(
        frame[cols],
        label=frame[d["target"]] if with_label else None,
        text_features=[d["text"]],
        cat_features=d["categorical"],
    )


def main(cfg_path="configs/returns.yaml"):
    cfg = load_config(cfg_path)
    d, s = cfg["data"], cfg["split"]
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)

    df = pd.read_parquet(d["path"])
    df[d["text"]] = df[d["text"]].fillna("").str.strip()
    df[d["categorical"]] = df[d["categorical"]].fillna("missing").astype(str)
    print(df[d["target"]].value_counts(normalize=True).round(3))

    train_df, test_df = train_test_split(df, test_size=s["test_size"], stratify=df[d["target"]], random_state=s["seed"])
    train_df, val_df = train_test_split(
        train_df, test_size=s["val_size"], stratify=train_df[d["target"]], random_state=s["seed"]
    )

    model = CatBoostClassifier(**cfg["catboost"], random_seed=s["seed"], verbose=250)
    model.fit(make_pool(train_df, cfg), eval_set=make_pool(val_df, cfg))
    print("best iteration:", model.get_best_iteration())

    baseline = Pipeline([
        ("features", ColumnTransformer([
            ("text", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True), d["text"]),
            ("cats", OneHotEncoder(handle_unknown="ignore"), d["categorical"]),
        ])),
        ("clf", LogisticRegression(max_iter=3000, C=3.0)),
    ])
    baseline.fit(train_df, train_df[d["target"]])

    y_test = test_df[d["target"]].to_numpy()
    test_pool = make_pool(test_df, cfg, with_label=False)
    report = {}
    for name, proba, classes in [
        ("tfidf_logreg", baseline.predict_proba(test_df), baseline.classes_),
        ("catboost", model.predict_proba(test_pool), model.classes_),
    ]:
        pred = classes[proba.argmax(axis=1)]
        report[name] = {
            "accuracy": accuracy_score(y_test, pred),
            "macro_f1": f1_score(y_test, pred, average="macro"),
            "log_loss": log_loss(y_test, proba, labels=classes),
        }
    print(json.dumps(report, indent=2))
    print(classification_report(y_test, model.predict(test_pool).ravel(), digits=3))

    model.save_model(out / "catboost_returns.cbm")
    (out / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])

import json

import joblib
import pandas as pd
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from features import add_reader_prior, text_stats

NUMERIC = ["n_tokens", "log_tokens", "n_negations", "n_hedges", "has_recommendation", "reader_prior"]


def load(cfg):
    dcfg = cfg["data"]
    df = pd.read_parquet(dcfg["reports_path"])
    df = df[df["report_status"] == "FINAL"].reset_index(drop=True)
    df = pd.concat([df, text_stats(df, dcfg["text_col"])], axis=1)
    df = add_reader_prior(df, dcfg["label_col"], cfg["features"]["reader_prior_weight"])
    return df


def build_pipeline(cfg):
    fcfg, mcfg, text_col = cfg["features"], cfg["model"], cfg["data"]["text_col"]
    pre = ColumnTransformer([
        ("tfidf", TfidfVectorizer(max_features=fcfg["tfidf_max_features"],
                                  ngram_range=(1, fcfg["tfidf_ngram_max"]),
                                  sublinear_tf=True, min_df=2), text_col),
        ("num", StandardScaler(), NUMERIC),
    ])
    clf = LogisticRegression(C=mcfg["C"], max_iter=mcfg["max_iter"], class_weight="balanced")
    return Pipeline([("pre", pre), ("clf", clf)])


def main():
    with open("config.yaml") as f:
        cfg = yaml.safe_load(f)
    df = load(cfg)
    label, groups = cfg["data"]["label_col"], cfg["data"]["group_col"]

    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["split"]["test_size"], random_state=cfg["split"]["seed"])
    tr_idx, te_idx = next(gss.split(df, df[label], groups=df[groups]))
    train, test = df.iloc[tr_idx], df.iloc[te_idx]

    pipe = build_pipeline(cfg)
    pipe.fit(train, train[label])

    proba = pipe.predict_proba(test)[:, 1]
    metrics = {
        "auroc": roc_auc_score(test[label], proba),
        "auprc": average_precision_score(test[label], proba),
        "f1@0.5": f1_score(test[label], proba >= 0.5),
        "n_train": len(train), "n_test": len(test),
    }
    print(json.dumps(metrics, indent=2))
    joblib.dump(pipe, "artifacts/actionable_lr.joblib")
    with open("artifacts/metrics.json", "w") as f:
        json.dump(metrics, f, indent=2)


if __name__ == "__main__":
    main()

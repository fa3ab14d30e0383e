"""Train the TF-IDF + LambdaMART ranker for help-center search.

Train/test parquet files come from scripts/make_splits.py (split by qid).
"""
import json
from pathlib import Path

import lightgbm as lgb
import pandas as pd
import yaml

from ltr.features import build_features, fit_text_encoder
from ltr.metrics import mrr, ndcg_at_k


def load(path):
    df = pd.read_parquet(path)
    return df.sort_values("qid", kind="stable").reset_index(drop=True)


def groups(df):
    return df.groupby("qid", sort=False).size().to_numpy()


def main(config_path="config.yaml"):
    cfg = yaml.safe_load(Path(config_path).read_text())
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    train_df = load(cfg["data"]["train"])
    test_df = load(cfg["data"]["test"])
    print(f"train: {train_df.qid.nunique()} queries / test: {test_df.qid.nunique()} queries")

    text_cfg = cfg["text"]
    encoder = fit_text_encoder([train_df, test_df], **text_cfg)

    X_train = build_features(train_df, encoder)
    X_test = build_features(test_df, encoder)

    ranker = lgb.LGBMRanker(**cfg["ranker"], verbose=-1)
    ranker.fit(X_train, train_df["label"], group=groups(train_df))

    test_df["score"] = ranker.predict(X_test)
    results = {}
    for name, col in [("bm25_title", "bm25_title"), ("lambdamart", "score")]:
        results[name] = {f"ndcg@{k}": ndcg_at_k(test_df, col, k) for k in cfg["eval_at"]}
        results[name]["mrr"] = mrr(test_df, col)
    print(json.dumps(results, indent=2))

    (out_dir / "metrics.json").write_text(json.dumps(results, indent=2))
    ranker.booster_.save_model(str(out_dir / "model.txt"))
    importance = pd.Series(ranker.feature_importances_, index=X_train.columns)
    importance.sort_values(ascending=False).to_csv(out_dir / "feature_importance.csv")


if __name__ == "__main__":
    main()

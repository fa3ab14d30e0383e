"""FAQ search ranker: text-similarity features + XGBRanker, evaluated on held-out queries."""
import json

import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from sklearn.metrics import ndcg_score
from sklearn.model_selection import GroupShuffleSplit

from qdfeatures.text import TfidfSimilarity, char_hash_similarity

BASE_FEATURES = ["faq_views_log", "faq_helpful_ratio", "answer_len", "query_len", "same_product"]


def split_by_query(df, size, seed):
    a, b = next(GroupShuffleSplit(n_splits=1, test_size=size, random_state=seed)
                .split(df, groups=df["qid"]))
    return df.iloc[a].sort_values("qid"), df.iloc[b].sort_values("qid")


def evaluate(frame, score):
    n5, n10, rr = [], [], []
    for _, g in frame.assign(s=score).groupby("qid"):
        if len(g) < 2 or g["label"].max() == 0:
            continue
        n5.append(ndcg_score([g["label"]], [g["s"]], k=5))
        n10.append(ndcg_score([g["label"]], [g["s"]], k=10))
        ranked = g.sort_values("s", ascending=False)["label"].to_numpy()
        rr.append(1 / (np.argmax(ranked > 0) + 1))
    return {"ndcg@5": float(np.mean(n5)), "ndcg@10": float(np.mean(n10)), "mrr": float(np.mean(rr))}


def main():
    cfg = yaml.safe_load(open("settings.yaml"))
    df = pd.read_parquet(cfg["data"])
    df["faq_views_log"] = np.log1p(df["faq_views"])
    df["answer_len"] = df["faq_answer"].str.split().str.len()
    df["query_len"] = df["query"].str.split().str.len()
    df = df.join(char_hash_similarity(df, **cfg["hashing"]))

    dev, test = split_by_query(df, cfg["test_size"], cfg["seed"])
    train, valid = split_by_query(dev, cfg["valid_size"], cfg["seed"])

    tfidf = TfidfSimilarity(**cfg["tfidf"]).fit(train)
    frames = {name: part.join(tfidf.transform(part))
              for name, part in {"train": train, "valid": valid, "test": test}.items()}
    feats = BASE_FEATURES + ["char_cos_question", "char_cos_answer",
                             "tfidf_cos_question", "tfidf_cos_answer"]

    ranker = xgb.XGBRanker(**cfg["xgb"], random_state=cfg["seed"])
    ranker.fit(frames["train"][feats], frames["train"]["label"], qid=frames["train"]["qid"],
               eval_set=[(frames["valid"][feats], frames["valid"]["label"])],
               eval_qid=[frames["valid"]["qid"]], verbose=250)

    te = frames["test"]
    report = {
        "char_cos_question": evaluate(te, te["char_cos_question"].to_numpy()),
        "tfidf_cos_question": evaluate(te, te["tfidf_cos_question"].to_numpy()),
        "xgb_ranker": evaluate(te, ranker.predict(te[feats])),
        "best_iteration": int(ranker.best_iteration),
    }
    print(json.dumps(report, indent=2))
    ranker.save_model("artifacts/faq_xgb_ranker.json")


if __name__ == "__main__":
    main()

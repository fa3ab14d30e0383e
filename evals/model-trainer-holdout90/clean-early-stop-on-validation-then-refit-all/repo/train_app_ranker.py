"""App-store search ranker.

1. split judged queries into train / valid / test (by query)
2. train with early stopping on valid, report test metrics against the text-match baseline
3. refit on every judged query with the chosen number of rounds for the production artifact
"""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit

DATA = Path("data/app_search_judgments.parquet")
OUT = Path("artifacts/app_ranker")
FEATURES = ["text_match", "title_prefix_match", "dev_name_match", "installs_log", "rating",
            "rating_count_log", "update_recency_days", "crash_rate", "category_affinity",
            "install_rate_from_search_28d"]


def split_queries(df, test_size, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    a, b = next(gss.split(df, groups=df["query_id"]))
    return df.iloc[a].copy(), df.iloc[b].copy()


def to_dataset(df, reference=None):
    df = df.sort_values("query_id", kind="stable")
    group = df.groupby("query_id", sort=False).size().to_numpy()
    return lgb.Dataset(df[FEATURES], label=df["grade"], group=group, reference=reference), df


def list_metrics(df, score_col):
    n5, n10, rr = [], [], []
    for _, g in df.groupby("query_id"):
        ranked = g.sort_values(score_col, ascending=False)["grade"].to_numpy()
        ideal = np.sort(g["grade"].to_numpy())[::-1]
        disc = 1 / np.log2(np.arange(2, len(g) + 2))
        gains, igains = (2.0 ** ranked - 1) * disc, (2.0 ** ideal - 1) * disc
        if igains.sum() == 0:
            continue
        n5.append(gains[:5].sum() / igains[:5].sum())
        n10.append(gains[:10].sum() / igains[:10].sum())
        first = np.flatnonzero(ranked >= 2)
        rr.append(1 / (first[0] + 1) if len(first) else 0.0)
    return {"ndcg@5": float(np.mean(n5)), "ndcg@10": float(np.mean(n10)), "mrr": float(np.mean(rr))}


def main():
    params = json.loads(Path("params.json").read_text())
    seed = params["seed"]
    df = pd.read_parquet(DATA)

    dev, test = split_queries(df, 0.2, seed)
    train, valid = split_queries(dev, 0.15, seed)
    dtrain, _ = to_dataset(train)
    dvalid, _ = to_dataset(valid, reference=dtrain)

    booster = lgb.train(params, dtrain, num_boost_round=4000, valid_sets=[dvalid],
                        valid_names=["valid"],
                        callbacks=[lgb.early_stopping(150), lgb.log_evaluation(200)])
    best_rounds = booster.best_iteration

    test = test.assign(ltr=booster.predict(test[FEATURES], num_iteration=best_rounds))
    report = {
        "best_rounds": best_rounds,
        "test": {"text_match": list_metrics(test, "text_match"), "ltr": list_metrics(test, "ltr")},
    }
    print(json.dumps(report, indent=2))

    dall, _ = to_dataset(df)
    final = lgb.train(params, dall, num_boost_round=best_rounds)

    OUT.mkdir(parents=True, exist_ok=True)
    final.save_model(str(OUT / "model.txt"))
    (OUT / "eval_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

"""Job-search LambdaMART ranker: grouped split, train, evaluate, export."""
import json
import logging
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.model_selection import GroupShuffleSplit

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("lambdamart")


def load_config(path="ranker.yaml"):
    with open(path) as fh:
        return yaml.safe_load(fh)


def grouped_split(df, group_col, test_size, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    tr, te = next(gss.split(df, groups=df[group_col]))
    train = df.iloc[tr].sort_values(group_col, kind="stable")
    test = df.iloc[te].sort_values(group_col, kind="stable")
    return train, test


def ndcg_per_group(df, score_col, label_col, group_col, k):
    out = []
    for _, g in df.groupby(group_col):
        rel = g.sort_values(score_col, ascending=False)[label_col].to_numpy()[:k]
        ideal = np.sort(g[label_col].to_numpy())[::-1][:k]
        disc = 1.0 / np.log2(np.arange(2, len(rel) + 2))
        idcg = np.sum((2.0 ** ideal - 1) * disc[: len(ideal)])
        if idcg > 0:
            out.append(np.sum((2.0 ** rel - 1) * disc[: len(rel)]) / idcg)
    return float(np.mean(out))


def main():
    cfg = load_config()
    df = pd.read_parquet(cfg["data_path"])
    label, group, feats = cfg["label_col"], cfg["group_col"], cfg["features"]
    df = df.dropna(subset=[label])

    train, test = grouped_split(df, group, cfg["split"]["test_size"], cfg["split"]["seed"])
    log.info("train searches=%d test searches=%d", train[group].nunique(), test[group].nunique())

    model = lgb.LGBMRanker(**cfg["lambdamart"], random_state=cfg["split"]["seed"], verbose=-1)
    model.fit(
        train[feats], train[label],
        group=train.groupby(group, sort=False).size().to_numpy(),
        eval_set=[(test[feats], test[label])],
        eval_group=[test.groupby(group, sort=False).size().to_numpy()],
        eval_at=cfg["eval_at"],
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )
    log.info("best iteration: %d", model.best_iteration_)

    test = test.assign(score=model.predict(test[feats], num_iteration=model.best_iteration_))
    metrics = {}
    for name, col in [("bm25_title", "bm25_title"), ("employer_ctr", "employer_ctr_30d"),
                      ("lambdamart", "score")]:
        metrics[name] = {f"ndcg@{k}": ndcg_per_group(test, col, label, group, k)
                         for k in cfg["eval_at"]}
    log.info(json.dumps(metrics, indent=2))

    out = Path("artifacts")
    out.mkdir(exist_ok=True)
    model.booster_.save_model(str(out / "lambdamart.txt"), num_iteration=model.best_iteration_)
    (out / "test_metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()

"""Re-rank production SERPs with LambdaMART using engagement features.

Lists are served SERPs (top-40) graded by outcome: 0 none, 1 click, 2 add-to-cart, 3 purchase.
Engagement features for a period are aggregated from the 28 days *before* that period starts,
mirroring the nightly feature job. Train / valid / test are consecutive date ranges.
"""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd

SEED = 5150
WINDOW = pd.Timedelta(days=28)
PERIODS = {
    "train": ("2024-02-01", "2024-02-22"),
    "valid": ("2024-02-22", "2024-02-29"),
    "test": ("2024-02-29", "2024-03-07"),
}
STATIC = ["bm25_title", "bm25_attrs", "price_log", "in_stock", "rating", "review_count_log"]
ENGAGEMENT = ["item_impr_28d_log", "item_ctr_28d", "item_cvr_28d", "qi_impr_28d_log", "qi_ctr_28d"]


def engagement_features(events, start, end, prior=50.0):
    w = events[(events["ts"] >= start) & (events["ts"] < end)]
    ctr0, cvr0 = w["clicked"].mean(), w["purchased"].mean()
    item = w.groupby("item_id").agg(impr=("clicked", "size"), clk=("clicked", "sum"),
                                    buy=("purchased", "sum"))
    item["item_impr_28d_log"] = np.log1p(item["impr"])
    item["item_ctr_28d"] = (item["clk"] + prior * ctr0) / (item["impr"] + prior)
    item["item_cvr_28d"] = (item["buy"] + prior * cvr0) / (item["impr"] + prior)
    qi = w.groupby(["query_norm", "item_id"]).agg(impr=("clicked", "size"), clk=("clicked", "sum"))
    qi["qi_impr_28d_log"] = np.log1p(qi["impr"])
    qi["qi_ctr_28d"] = (qi["clk"] + prior * ctr0) / (qi["impr"] + prior)
    return item[ENGAGEMENT[:3]], qi[ENGAGEMENT[3:]], {"ctr0": ctr0, "cvr0": cvr0}


def build_lists(serps, events, start, end):
    start, end = pd.Timestamp(start, tz="UTC"), pd.Timestamp(end, tz="UTC")
    lists = serps[(serps["ts"] >= start) & (serps["ts"] < end)].copy()
    item, qi, fallback = engagement_features(events, start - WINDOW, start)
    lists = lists.join(item, on="item_id").join(qi, on=["query_norm", "item_id"])
    lists[["item_impr_28d_log", "qi_impr_28d_log"]] = lists[["item_impr_28d_log", "qi_impr_28d_log"]].fillna(0.0)
    lists["item_ctr_28d"] = lists["item_ctr_28d"].fillna(fallback["ctr0"])
    lists["qi_ctr_28d"] = lists["qi_ctr_28d"].fillna(fallback["ctr0"])
    lists["item_cvr_28d"] = lists["item_cvr_28d"].fillna(fallback["cvr0"])
    lists["price_log"] = np.log1p(lists["price"])
    lists["review_count_log"] = np.log1p(lists["review_count"])
    return lists.sort_values(["serp_id", "position_in_prod"]).reset_index(drop=True)


def metrics(df, col):
    n5, n10, rr = [], [], []
    for _, g in df.groupby("serp_id"):
        ranked = g.sort_values(col, ascending=False)["grade"].to_numpy()
        ideal = np.sort(ranked)[::-1]
        disc = 1 / np.log2(np.arange(2, len(ranked) + 2))
        if ideal[0] == 0:
            continue
        n5.append(((2 ** ranked[:5] - 1) * disc[:5]).sum() / ((2 ** ideal[:5] - 1) * disc[:5]).sum())
        n10.append(((2 ** ranked[:10] - 1) * disc[:10]).sum() / ((2 ** ideal[:10] - 1) * disc[:10]).sum())
        rr.append(1 / (np.argmax(ranked > 0) + 1))
    return {"ndcg@5": float(np.mean(n5)), "ndcg@10": float(np.mean(n10)), "mrr": float(np.mean(rr))}


def main():
    events = pd.read_parquet("data/search_events.parquet")
    serps = pd.read_parquet("data/served_serps_graded.parquet")
    for frame in (events, serps):
        frame["ts"] = pd.to_datetime(frame["ts"], utc=True)

    sets = {name: build_lists(serps, events, *rng) for name, rng in PERIODS.items()}
    feats = STATIC + ENGAGEMENT
    sizes = {k: v.groupby("serp_id", sort=False).size().to_numpy() for k, v in sets.items()}

    ranker = lgb.LGBMRanker(objective="lambdarank", n_estimators=3000, learning_rate=0.03,
                            num_leaves=63, min_child_samples=100, subsample=0.8, subsample_freq=1,
                            colsample_bytree=0.8, random_state=SEED, verbose=-1)
    ranker.fit(sets["train"][feats], sets["train"]["grade"], group=sizes["train"],
               eval_set=[(sets["valid"][feats], sets["valid"]["grade"])],
               eval_group=[sizes["valid"]], eval_at=[10],
               callbacks=[lgb.early_stopping(150), lgb.log_evaluation(250)])

    test = sets["test"].assign(ltr=ranker.predict(sets["test"][feats]),
                               production=-sets["test"]["position_in_prod"])
    report = {name: metrics(test, name) for name in ["production", "item_ctr_28d", "ltr"]}
    print(json.dumps(report, indent=2))
    Path("artifacts").mkdir(exist_ok=True)
    ranker.booster_.save_model("artifacts/session_ranker.txt")
    Path("artifacts/test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

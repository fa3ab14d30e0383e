"""Build (query, product) training lists from purchases + sampled negatives and fit LambdaMART."""
import random
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
import tomli
from sklearn.model_selection import GroupShuffleSplit

PAIR_FEATURES = ["bm25_title", "bm25_attrs", "category_match", "brand_match", "price_z_in_cat",
                 "rating", "n_reviews_log", "popularity_7d", "query_len", "query_is_brand"]


def sample_lists(purchases, catalog, n_neg, hard_share):
    """One list per search: the purchased product (label 1) plus sampled non-purchased products."""
    by_cat = catalog.groupby("category_id")["product_id"].apply(list).to_dict()
    all_products = catalog["product_id"].tolist()
    rows = []
    for search in purchases.itertuples(index=False):
        n_hard = int(n_neg * hard_share)
        same_cat = [p for p in by_cat.get(search.category_id, []) if p != search.product_id]
        hard = random.sample(same_cat, min(n_hard, len(same_cat)))
        easy = random.sample(all_products, n_neg - len(hard))
        rows.append((search.search_id, search.query, search.product_id, 1))
        rows.extend((search.search_id, search.query, p, 0) for p in hard + easy
                    if p != search.product_id)
    return pd.DataFrame(rows, columns=["search_id", "query", "product_id", "label"])


def add_features(lists, catalog, query_feats):
    df = lists.merge(catalog, on="product_id", how="left").merge(query_feats, on="query", how="left")
    df["n_reviews_log"] = np.log1p(df["n_reviews"])
    df["category_match"] = (df["category_id"] == df["query_category_id"]).astype(int)
    df["brand_match"] = (df["brand"].str.lower() == df["query_brand"].str.lower()).astype(int)
    return df.sort_values("search_id", kind="stable").reset_index(drop=True)


def ndcg(df, score, k):
    vals = []
    for _, g in df.groupby("search_id"):
        rel = g.sort_values(score, ascending=False)["label"].to_numpy()[:k]
        vals.append(np.sum(rel / np.log2(np.arange(2, len(rel) + 2))))
    return float(np.mean(vals))


def sizes(df):
    return df.groupby("search_id", sort=False).size().to_numpy()


def main(cfg_path="ranker.toml"):
    with open(cfg_path, "rb") as fh:
        cfg = tomli.load(fh)
    purchases = pd.read_parquet(cfg["data"]["purchases"])
    catalog = pd.read_parquet(cfg["data"]["catalog"])
    query_feats = pd.read_parquet(cfg["data"]["query_features"])

    lists = sample_lists(purchases, catalog, cfg["sampling"]["negatives_per_query"],
                         cfg["sampling"]["hard_negative_share"])
    df = add_features(lists, catalog, query_feats)

    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["split"]["test_size"])
    tr, te = next(gss.split(df, groups=df["search_id"]))
    train, test = df.iloc[tr], df.iloc[te]
    gss_val = GroupShuffleSplit(n_splits=1, test_size=cfg["split"]["valid_size"])
    fit, val = next(gss_val.split(train, groups=train["search_id"]))
    fit_df, val_df = train.iloc[fit], train.iloc[val]

    model = lgb.LGBMRanker(**cfg["model"], verbose=-1)
    model.fit(fit_df[PAIR_FEATURES], fit_df["label"], group=sizes(fit_df),
              eval_set=[(val_df[PAIR_FEATURES], val_df["label"])], eval_group=[sizes(val_df)],
              eval_at=cfg["eval"]["ndcg_at"], callbacks=[lgb.early_stopping(100)])

    test = test.assign(score=model.predict(test[PAIR_FEATURES]))
    for name in ["bm25_title", "popularity_7d", "score"]:
        print(name, {f"ndcg@{k}": round(ndcg(test, name, k), 4) for k in cfg["eval"]["ndcg_at"]})
    model.booster_.save_model("artifacts/purchase_ranker.txt")


if __name__ == "__main__":
    main(*sys.argv[1:])

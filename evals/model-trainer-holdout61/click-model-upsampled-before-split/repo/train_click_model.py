"""Pointwise click model used as the first-stage scorer for app-store search."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.utils import resample

SEED = 314
FEATURES = [
    "title_bm25", "description_bm25", "query_app_name_exact", "category_match",
    "installs_log", "rating", "rating_count_log", "app_age_days", "size_mb",
    "is_paid", "position_shown",
]
POS_TO_NEG = 0.25


def rebalance(df, target="clicked"):
    pos = df[df[target] == 1]
    neg = df[df[target] == 0]
    n_pos = int(len(neg) * POS_TO_NEG)
    pos_up = resample(pos, replace=True, n_samples=n_pos, random_state=SEED)
    return pd.concat([neg, pos_up]).sample(frac=1.0, random_state=SEED).reset_index(drop=True)


def mean_query_ndcg(df, score_col, k=10):
    out = []
    for _, g in df.groupby("query_id"):
        if g["clicked"].sum() == 0:
            continue
        ranked = g.sort_values(score_col, ascending=False)["clicked"].to_numpy()[:k]
        ideal = np.sort(g["clicked"].to_numpy())[::-1][:k]
        disc = 1.0 / np.log2(np.arange(2, k + 2))
        out.append((ranked * disc[: ranked.size]).sum() / (ideal * disc[: ideal.size]).sum())
    return float(np.mean(out))


def main():
    logs = pd.read_parquet("data/appstore_impressions_sample.parquet")
    print("raw click rate:", round(logs["clicked"].mean(), 4))

    data = rebalance(logs)
    train, test = train_test_split(data, test_size=0.2, stratify=data["clicked"], random_state=SEED)
    train, valid = train_test_split(train, test_size=0.1, stratify=train["clicked"], random_state=SEED)

    clf = xgb.XGBClassifier(
        n_estimators=1500,
        learning_rate=0.05,
        max_depth=7,
        subsample=0.8,
        colsample_bytree=0.8,
        eval_metric="aucpr",
        early_stopping_rounds=50,
        random_state=SEED,
    )
    clf.fit(train[FEATURES], train["clicked"], eval_set=[(valid[FEATURES], valid["clicked"])], verbose=100)

    test = test.copy()
    test["p_click"] = clf.predict_proba(test[FEATURES])[:, 1]
    test["popularity"] = test["installs_log"]
    print("test ROC-AUC :", round(roc_auc_score(test["clicked"], test["p_click"]), 4))
    print("test PR-AUC  :", round(average_precision_score(test["clicked"], test["p_click"]), 4))
    print("test logloss :", round(log_loss(test["clicked"], test["p_click"]), 4))
    print("NDCG@10 model:", round(mean_query_ndcg(test, "p_click"), 4))
    print("NDCG@10 installs baseline:", round(mean_query_ndcg(test, "popularity"), 4))
    clf.save_model("artifacts/click_model.json")


if __name__ == "__main__":
    main()

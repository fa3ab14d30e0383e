"""Next-month churn model on the customer-month panel (CatBoost).

Each row is an active customer in a calendar month; the model is used at the
start of every month to score who will be gone next month.
"""
import argparse
import json
from pathlib import Path

import pandas as pd
import tomli
from catboost import CatBoostClassifier, Pool
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from churnpanel.features import add_label, add_lag_features


def load_panel(cfg):
    panel = pd.read_parquet(cfg["data"]["snapshots"])
    panel["month"] = pd.PeriodIndex(panel["month"], freq="M")
    first, last = (pd.Period(cfg["data"][k], freq="M") for k in ("first_month", "last_month"))
    panel = panel[(panel["month"] >= first) & (panel["month"] <= last)]
    panel = add_label(panel)
    panel = add_lag_features(panel, cfg["features"]["lag_cols"], cfg["features"]["windows"])
    # the last month has no observable next month
    return panel[panel["month"] < pd.Period(cfg["data"]["last_month"], freq="M")]


def main(cfg, out_dir: Path):
    panel = load_panel(cfg)
    cat_cols = cfg["features"]["categorical"]
    drop = {"customer_id", "month", "churn_next_month"}
    feature_cols = [c for c in panel.columns if c not in drop]
    print(f"{len(panel)} customer-months, {panel['customer_id'].nunique()} customers, "
          f"churn rate {panel['churn_next_month'].mean():.3%}")

    sp = cfg["split"]
    train_df, test_df = train_test_split(
        panel, test_size=sp["test_size"], stratify=panel["churn_next_month"], random_state=sp["seed"]
    )
    fit_df, val_df = train_test_split(
        train_df, test_size=sp["valid_size"], stratify=train_df["churn_next_month"], random_state=sp["seed"]
    )

    def pool(df):
        return Pool(df[feature_cols], df["churn_next_month"], cat_features=cat_cols)

    cb = cfg["catboost"]
    model = CatBoostClassifier(
        iterations=cb["iterations"], learning_rate=cb["learning_rate"], depth=cb["depth"],
        l2_leaf_reg=cb["l2_leaf_reg"], od_type="Iter", od_wait=cb["od_wait"],
        eval_metric="PRAUC", random_seed=sp["seed"], verbose=250,
    )
    model.fit(pool(fit_df), eval_set=pool(val_df), use_best_model=True)

    num_cols = [c for c in feature_cols if c not in cat_cols]
    lr = LogisticRegression(max_iter=3000, class_weight="balanced")
    lr.fit(fit_df[num_cols].fillna(0), fit_df["churn_next_month"])

    y_test = test_df["churn_next_month"]
    p_cb = model.predict_proba(pool(test_df))[:, 1]
    p_lr = lr.predict_proba(test_df[num_cols].fillna(0))[:, 1]
    report = {
        "catboost": {"roc_auc": roc_auc_score(y_test, p_cb), "pr_auc": average_precision_score(y_test, p_cb)},
        "logreg": {"roc_auc": roc_auc_score(y_test, p_lr), "pr_auc": average_precision_score(y_test, p_lr)},
        "best_iteration": model.get_best_iteration(),
    }
    print(json.dumps(report, indent=2))
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_model(str(out_dir / "churn_next_month.cbm"))
    (out_dir / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="settings.toml")
    parser.add_argument("--out", default="artifacts")
    args = parser.parse_args()
    with open(args.config, "rb") as fh:
        main(tomli.load(fh), Path(args.out))

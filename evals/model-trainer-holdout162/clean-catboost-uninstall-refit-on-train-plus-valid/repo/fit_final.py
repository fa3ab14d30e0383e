"""D7 uninstall model: pick the number of trees on a validation cohort, then refit on
train+validation with that many trees and score the held-out test cohort once.

The export only contains installs with a complete 7-day follow-up window."""
import argparse
import json

import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score

CAT = ["platform", "device_brand", "os_major", "country", "install_channel"]
NUM = ["d0_sessions", "d0_minutes", "d0_screens", "d0_push_opt_in", "d0_crashes",
       "d1_sessions", "d1_minutes", "d1_push_opens", "onboarding_done", "account_created"]
LABEL = "uninstalled_d7"


def pool(df):
    return Pool(df[CAT + NUM], df[LABEL], cat_features=CAT)


def make_model(seed, iterations, **kw):
    return CatBoostClassifier(
        iterations=iterations,
        learning_rate=0.05,
        depth=6,
        l2_leaf_reg=4,
        loss_function="Logloss",
        eval_metric="AUC",
        random_seed=seed,
        verbose=0,
        **kw,
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/installs_2024.parquet")
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()

    df = pd.read_parquet(args.data)
    df["install_week"] = pd.to_datetime(df["install_date"]).dt.to_period("W").dt.start_time
    df[CAT] = df[CAT].fillna("unknown").astype(str)
    weeks = sorted(df["install_week"].unique())
    # last 2 weeks -> test, 2 weeks before -> validation, the rest -> train
    train = df[df["install_week"] < weeks[-4]]
    valid = df[df["install_week"].isin(weeks[-4:-2])]
    test = df[df["install_week"] >= weeks[-2]]

    # 1) model selection on validation
    probe = make_model(args.seed, 5000, od_type="Iter", od_wait=200)
    probe.fit(pool(train), eval_set=pool(valid), use_best_model=True)
    best_iter = probe.get_best_iteration() + 1
    p_val = probe.predict_proba(pool(valid))[:, 1]
    print(f"valid AUC {roc_auc_score(valid[LABEL], p_val):.4f} at {best_iter} trees")

    # 2) refit on train+valid with the chosen size (slightly more data -> ~10% more trees)
    final_iter = int(best_iter * 1.1)
    dev = pd.concat([train, valid])
    final = make_model(args.seed, final_iter)
    final.fit(pool(dev))

    # 3) test cohort
    p_test = final.predict_proba(pool(test))[:, 1]
    res = {
        "trees": final_iter,
        "valid_auc": roc_auc_score(valid[LABEL], p_val),
        "test_auc": roc_auc_score(test[LABEL], p_test),
        "test_pr_auc": average_precision_score(test[LABEL], p_test),
        "test_rows": len(test),
    }
    print(json.dumps(res, indent=2))
    final.save_model("uninstall_d7_final.cbm")


if __name__ == "__main__":
    main()

import argparse
import json
import os
from pathlib import Path

import numpy as np
import polars as pl
import yaml
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score

from returns.io import load_lines, time_split


def category_rate_baseline(train: pl.DataFrame, other: pl.DataFrame) -> np.ndarray:
    """Historical return rate per category, learned from the training window only."""
    rates = train.group_by("category").agg(pl.col("returned").mean().alias("rate"))
    prior = train["returned"].mean()
    return other.join(rates, on="category", how="left")["rate"].fill_null(prior).to_numpy()


def f1_threshold(y, p):
    prec, rec, thr = precision_recall_curve(y, p)
    f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-12, None)
    return float(thr[np.argmax(f1)])


def evaluate(y, p, thr):
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p), "f1": f1_score(y, p >= thr)}


def main():
    ap = argparse.ArgumentParser(description="Train the returns-propensity model")
    ap.add_argument("--config", default="conf/returns.yaml")
    ap.add_argument("--out", default="artifacts/returns")
    args = ap.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())

    run = None
    if cfg["wandb"]["enabled"] and os.getenv("WANDB_API_KEY"):
        import wandb

        run = wandb.init(project=cfg["wandb"]["project"], config=cfg)

    df = load_lines(cfg["data"]["path"], cfg["data"]["sha1"])
    train, valid, test = time_split(df, cfg["split"]["valid_start"], cfg["split"]["test_start"])
    cats, nums = cfg["features"]["categorical"], cfg["features"]["numeric"]
    cols = cats + nums

    def pool(frame):
        pdf = frame.select(cols + ["returned"]).to_pandas()
        return Pool(pdf[cols], pdf["returned"], cat_features=cats)

    p_train, p_valid, p_test = pool(train), pool(valid), pool(test)
    cb = cfg["catboost"]
    model = CatBoostClassifier(
        iterations=cb["iterations"], learning_rate=cb["learning_rate"], depth=cb["depth"],
        l2_leaf_reg=cb["l2_leaf_reg"], eval_metric=cb["eval_metric"], random_seed=cfg["seed"],
        od_type="Iter", od_wait=cb["early_stopping_rounds"], use_best_model=True, verbose=250,
    )
    model.fit(p_train, eval_set=p_valid)

    y_valid, y_test = valid["returned"].to_numpy(), test["returned"].to_numpy()
    thr_model = f1_threshold(y_valid, model.predict_proba(p_valid)[:, 1])
    thr_base = f1_threshold(y_valid, category_rate_baseline(train, valid))

    results = {
        "catboost": evaluate(y_test, model.predict_proba(p_test)[:, 1], thr_model),
        "category_rate": evaluate(y_test, category_rate_baseline(train, test), thr_base),
        "thresholds_from_valid": {"catboost": thr_model, "category_rate": thr_base},
        "best_iteration": model.get_best_iteration(),
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(str(out / "model.cbm"))
    (out / "test_metrics.json").write_text(json.dumps(results, indent=2))
    if run is not None:
        run.log({f"test/{m}/{k}": v for m, d in results.items() if isinstance(d, dict) for k, v in d.items()})
        run.finish()
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

"""Telco churn model with CatBoost's native categorical handling."""
import argparse
import json
import sys
from pathlib import Path

import yaml
from catboost import CatBoostClassifier, Pool
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import OneHotEncoder, StandardScaler

sys.path.insert(0, str(Path(__file__).parent / "src"))
from telco_churn.data import load_frame, three_way_split  # noqa: E402
from telco_churn.evaluate import summarize, threshold_for_recall  # noqa: E402


def make_pool(df, cfg):
    feats = cfg["features"]["categorical"] + cfg["features"]["numeric"]
    return Pool(df[feats], label=df[cfg["data"]["target"]], cat_features=cfg["features"]["categorical"])


def logistic_baseline(cfg, seed):
    pre = ColumnTransformer([
        ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]),
         cfg["features"]["numeric"]),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), cfg["features"]["categorical"]),
    ])
    return Pipeline([("pre", pre), ("lr", LogisticRegression(max_iter=3000, random_state=seed))])


def main(cfg):
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    target, seed = cfg["data"]["target"], cfg["split"]["seed"]

    df = load_frame(cfg)
    train, valid, test = three_way_split(df, cfg)
    print(f"train={len(train)} valid={len(valid)} test={len(test)} churn={train[target].mean():.3f}")

    m = cfg["model"]
    model = CatBoostClassifier(
        iterations=m["iterations"],
        learning_rate=m["learning_rate"],
        depth=m["depth"],
        l2_leaf_reg=m["l2_leaf_reg"],
        one_hot_max_size=m["one_hot_max_size"],
        eval_metric="PRAUC",
        random_seed=seed,
        verbose=500,
    )
    model.fit(
        make_pool(train, cfg),
        eval_set=make_pool(valid, cfg),
        early_stopping_rounds=m["early_stopping_rounds"],
        use_best_model=True,
    )

    feats = cfg["features"]["categorical"] + cfg["features"]["numeric"]
    baseline = logistic_baseline(cfg, seed).fit(train[feats], train[target])

    p_val = model.predict_proba(make_pool(valid, cfg))[:, 1]
    thr = threshold_for_recall(valid[target], p_val, cfg["decision"]["min_recall"])
    p_val_lr = baseline.predict_proba(valid[feats])[:, 1]
    thr_lr = threshold_for_recall(valid[target], p_val_lr, cfg["decision"]["min_recall"])

    report = {
        "catboost": summarize(test[target], model.predict_proba(make_pool(test, cfg))[:, 1], thr),
        "logreg": summarize(test[target], baseline.predict_proba(test[feats])[:, 1], thr_lr),
        "best_iteration": model.get_best_iteration(),
    }
    print(json.dumps(report, indent=2))

    model.save_model(str(out / "model.cbm"))
    (out / "test_report.json").write_text(json.dumps(report, indent=2))
    importance = model.get_feature_importance(prettified=True)
    importance.to_csv(out / "feature_importance.csv", index=False)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/catboost_churn.yaml")
    with open(ap.parse_args().config) as fh:
        main(yaml.safe_load(fh))

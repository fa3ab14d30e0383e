"""Predict MBI emotional exhaustion from work-environment factors and demographics."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from features import DEMOGRAPHICS, add_factor_scores, complete_cases, pes_items, reverse_score


def main(cfg_path):
    cfg = yaml.safe_load(open(cfg_path))
    fa_cfg = cfg["factor_analysis"]
    items = pes_items(fa_cfg["item_prefix"], fa_cfg["n_items"])
    target = cfg["data"]["target"]
    out_dir = Path("outputs")
    out_dir.mkdir(exist_ok=True)

    df = pd.read_csv(cfg["data"]["path"])
    df = complete_cases(df, items + DEMOGRAPHICS + [target])
    df = reverse_score(df, [items[i - 1] for i in fa_cfg["reverse_items"]], scale_max=4)
    print(f"{len(df)} complete responses")

    df, loadings = add_factor_scores(
        df, items, fa_cfg["n_factors"], fa_cfg["rotation"], cfg["seed"]
    )
    loadings.round(2).to_csv(out_dir / "pes_loadings.csv")

    features = DEMOGRAPHICS + [c for c in df.columns if c.startswith("env_factor")]
    X_train, X_test, y_train, y_test = train_test_split(
        df[features], df[target], test_size=cfg["test_size"], random_state=cfg["seed"]
    )

    lo, hi = cfg["ridge"]["alphas_log10"]
    model = make_pipeline(
        StandardScaler(), RidgeCV(alphas=np.logspace(lo, hi, cfg["ridge"]["n_alphas"]))
    )
    cv_r2 = cross_val_score(model, X_train, y_train, cv=5, scoring="r2")
    print(f"5-fold CV R2 (train): {cv_r2.mean():.3f} +/- {cv_r2.std():.3f}")

    model.fit(X_train, y_train)
    pred = model.predict(X_test)
    metrics = {
        "cv_r2_mean": float(cv_r2.mean()),
        "test_mae": float(mean_absolute_error(y_test, pred)),
        "test_r2": float(r2_score(y_test, pred)),
        "alpha": float(model[-1].alpha_),
    }
    print(json.dumps(metrics, indent=2))
    json.dump(metrics, open(out_dir / "metrics.json", "w"), indent=2)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(ap.parse_args().config)

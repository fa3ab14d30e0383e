"""Land-cover patch classification from per-patch spectral/texture statistics.

Neighbouring 64x64 patches cut from the same 10 km tile are strongly spatially
autocorrelated, so every split below is done on tile_id.
"""
import json
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, classification_report, cohen_kappa_score, f1_score
from sklearn.model_selection import StratifiedGroupKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

CFG = tomllib.loads(Path("params.toml").read_text())
SEED = CFG["seed"]


def make_models():
    return {
        "majority": DummyClassifier(strategy="most_frequent"),
        "logreg": Pipeline([
            ("impute", SimpleImputer(strategy="median")),
            ("scale", StandardScaler()),
            ("clf", LogisticRegression(C=CFG["logreg"]["C"], max_iter=5000, class_weight="balanced")),
        ]),
        "random_forest": Pipeline([
            ("impute", SimpleImputer(strategy="median")),
            ("clf", RandomForestClassifier(
                n_estimators=CFG["rf"]["n_estimators"], max_features=CFG["rf"]["max_features"],
                min_samples_leaf=CFG["rf"]["min_samples_leaf"], class_weight="balanced_subsample",
                n_jobs=-1, random_state=SEED)),
        ]),
    }


def main():
    df = pd.read_parquet(CFG["features_path"])
    feature_cols = [c for c in df.columns if c.startswith(("mean_", "std_", "p10_", "p90_", "glcm_", "ndvi_"))]
    X = df[feature_cols].to_numpy()
    y = df["label"].to_numpy()
    tiles = df["tile_id"].to_numpy()
    print(f"{len(df)} patches from {len(np.unique(tiles))} tiles, {len(feature_cols)} features")

    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    dev_idx, test_idx = next(outer.split(X, y, tiles))
    assert not set(tiles[dev_idx]) & set(tiles[test_idx])

    cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED + 1)
    scoring = ["f1_macro", "balanced_accuracy", "accuracy"]
    cv_summary = {}
    for name, model in make_models().items():
        res = cross_validate(model, X[dev_idx], y[dev_idx], groups=tiles[dev_idx],
                             cv=cv, scoring=scoring, n_jobs=1)
        cv_summary[name] = {s: float(res[f"test_{s}"].mean()) for s in scoring}
        print(f"CV {name:>14}: " + "  ".join(f"{s} {v:.3f}" for s, v in cv_summary[name].items()))

    chosen = max((n for n in cv_summary if n != "majority"), key=lambda n: cv_summary[n]["f1_macro"])
    print("selected on grouped CV:", chosen)

    report = {"cv": cv_summary, "selected": chosen, "test": {}}
    for name in ["majority", chosen]:
        model = make_models()[name].fit(X[dev_idx], y[dev_idx])
        pred = model.predict(X[test_idx])
        report["test"][name] = {
            "macro_f1": f1_score(y[test_idx], pred, average="macro"),
            "balanced_accuracy": balanced_accuracy_score(y[test_idx], pred),
            "kappa": cohen_kappa_score(y[test_idx], pred),
        }
        print(f"TEST {name}: {report['test'][name]}")
    print(classification_report(y[test_idx], pred, digits=3))
    Path(CFG["report_path"]).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

"""Train the scan quality gate: predict whether a scanned page is usable for OCR (CER < 5% after OCR)."""
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import classification_report, roc_auc_score, average_precision_score

from scanqc.quality import page_quality_features


def build_table(cfg):
    pages = pd.read_csv(cfg["pages_csv"])
    feats = [page_quality_features(Path(cfg["image_root"]) / f) for f in pages["file"]]
    table = pd.concat([pages.reset_index(drop=True), pd.DataFrame(feats)], axis=1)
    return table


def main():
    cfg = yaml.safe_load(open("params.yaml"))
    np.random.seed(cfg["seed"])
    table = build_table(cfg)
    print(table[cfg["target"]].value_counts())

    feature_cols = ["dpi_est", "blur_lapvar", "contrast_std", "mean_intensity", "ink_ratio",
                    "skew_deg", "speckle_ratio", "n_components", "scanner_model", "color_mode"]
    cat_cols = ["scanner_model", "color_mode"]
    X = table[feature_cols]
    y = table[cfg["target"]].astype(int)

    pool = Pool(X, y, cat_features=cat_cols)
    cb = cfg["catboost"]
    model = CatBoostClassifier(
        iterations=cb["iterations"],
        learning_rate=cb["learning_rate"],
        depth=cb["depth"],
        l2_leaf_reg=cb["l2_leaf_reg"],
        eval_metric="AUC",
        auto_class_weights="Balanced",
        random_seed=cfg["seed"],
        verbose=200,
    )
    model.fit(pool, eval_set=pool, early_stopping_rounds=cb["early_stopping_rounds"], use_best_model=True)

    proba = model.predict_proba(pool)[:, 1]
    baseline = X["blur_lapvar"].rank(pct=True).values
    print(f"blur-only baseline ROC AUC: {roc_auc_score(y, baseline):.4f}")
    print(f"quality gate ROC AUC: {roc_auc_score(y, proba):.4f}  AP: {average_precision_score(y, proba):.4f}")
    print(classification_report(y, (proba >= 0.5).astype(int), target_names=["rescan", "usable"]))

    model.save_model(cfg["model_path"])
    imp = model.get_feature_importance(prettified=True)
    print(imp.to_string(index=False))


if __name__ == "__main__":
    main()

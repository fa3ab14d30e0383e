"""Phishing website classifier on the 87 URL / page / external features (Hannousse & Yahiouche 2021)."""
import argparse

import joblib
import pandas as pd
import yaml
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split

import report


def load_xy(dcfg):
    df = pd.read_csv(dcfg["path"])
    y = (df[dcfg["target"]] == dcfg["positive_label"]).astype(int)
    X = df.drop(columns=[dcfg["target"], *dcfg["drop_cols"]])
    # a few page features are -1 when the crawler could not fetch the page; keep as-is, trees cope
    return X, y


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    seed = cfg["split"]["seed"]

    X, y = load_xy(cfg["data"])
    print(f"{X.shape[0]} sites, {X.shape[1]} features, phishing share {y.mean():.3f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["split"]["test_size"], stratify=y, random_state=seed
    )

    model = RandomForestClassifier(**cfg["model"]["params"])

    skf = StratifiedKFold(n_splits=cfg["cv"]["n_splits"], shuffle=True, random_state=seed)
    cv_scores = cross_val_score(model, X_train, y_train, cv=skf, scoring="average_precision", n_jobs=-1)
    print(f"CV PR-AUC: {cv_scores.mean():.4f} +/- {cv_scores.std():.4f}")

    model.fit(X_train, y_train)
    metrics = report.test_metrics(model, X_test, y_test)
    print(metrics)

    imp = report.importances(model, X_test, y_test, seed=seed)
    print(imp.to_string(index=False))
    report.save(cfg["output"]["dir"], metrics, imp, cv_scores)
    joblib.dump(model, f"{cfg['output']['dir']}/model.joblib")


if __name__ == "__main__":
    main()

"""arXiv primary-category classifier: SPECTER embeddings -> scaler -> PCA -> logistic regression."""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, f1_score, log_loss
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split

from abstracts.data import cached_embeddings, load_abstracts
from abstracts.model import build_pipeline


def main(cfg_path: str):
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    seed = cfg["seed"]
    np.random.seed(seed)
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)

    df = load_abstracts(cfg)
    X = cached_embeddings(df["text"].tolist(), cfg)
    y = df[cfg["data"]["label_col"]].values
    print(f"{len(df)} abstracts, {len(np.unique(y))} categories, dim={X.shape[1]}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["split"]["test_size"], stratify=y, random_state=seed
    )

    cv = StratifiedKFold(n_splits=cfg["cv"]["n_splits"], shuffle=True, random_state=seed)
    search = GridSearchCV(
        build_pipeline(seed),
        param_grid=cfg["grid"],
        scoring="f1_macro",
        cv=cv,
        n_jobs=-1,
        refit=True,
    )
    search.fit(X_train, y_train)
    print("best params:", search.best_params_, "cv macro-F1: %.4f" % search.best_score_)
    pd.DataFrame(search.cv_results_).to_csv(out / "cv_results.csv", index=False)

    baseline = DummyClassifier(strategy="stratified", random_state=seed).fit(X_train, y_train)
    results = {}
    for name, model in [("stratified_dummy", baseline), ("pca_logreg", search.best_estimator_)]:
        proba = model.predict_proba(X_test)
        pred = model.classes_[proba.argmax(axis=1)]
        results[name] = {
            "macro_f1": float(f1_score(y_test, pred, average="macro")),
            "accuracy": float(accuracy_score(y_test, pred)),
            "log_loss": float(log_loss(y_test, proba, labels=model.classes_)),
        }
    print(json.dumps(results, indent=2))

    joblib.dump(search.best_estimator_, out / "pca_logreg.joblib")
    (out / "metrics.json").write_text(json.dumps({"best_params": search.best_params_, **results}, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/abstracts.yaml")
    main(ap.parse_args().config)

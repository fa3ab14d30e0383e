"""AVClass family classifier with SMOTE for the long-tail families."""
import argparse

import joblib
import lightgbm as lgb
import pandas as pd
import yaml
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split
from sklearn.preprocessing import LabelEncoder

from data import load_family_dataset


def build_pipeline(cfg):
    return Pipeline([
        ("smote", SMOTE(k_neighbors=cfg["smote_k"], random_state=cfg["seed"])),
        ("clf", lgb.LGBMClassifier(
            objective="multiclass",
            n_estimators=cfg["n_estimators"],
            learning_rate=cfg["learning_rate"],
            num_leaves=cfg["num_leaves"],
            colsample_bytree=0.6,
            random_state=cfg["seed"],
            verbose=-1,
        )),
    ])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))

    X, families = load_family_dataset(cfg["features_csv"], cfg["min_samples_per_family"])
    enc = LabelEncoder().fit(families)
    y = enc.transform(families)

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=cfg["seed"]
    )

    pipe = build_pipeline(cfg)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=cfg["seed"])
    cv_res = cross_validate(pipe, X_train, y_train, cv=cv,
                            scoring=["f1_macro", "balanced_accuracy"], n_jobs=1)
    print(pd.DataFrame(cv_res).mean().round(4))

    pipe.fit(X_train, y_train)
    pred = pipe.predict(X_test)
    print("test macro F1:", round(f1_score(y_test, pred, average="macro"), 4))
    print(classification_report(y_test, pred, target_names=enc.classes_, digits=3, zero_division=0))

    joblib.dump({"pipeline": pipe, "encoder": enc}, cfg["model_out"])


if __name__ == "__main__":
    main()

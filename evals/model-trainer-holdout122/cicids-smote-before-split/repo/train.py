import argparse
import json

import joblib
import yaml
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from data_prep import prepare_dataset


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    ap.add_argument("--out", default="artifacts/rf_cicids.joblib")
    args = ap.parse_args()

    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    X, y = prepare_dataset(cfg)
    print("dataset:", X.shape)
    print(y.value_counts())

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["split"]["test_size"], stratify=y, random_state=cfg["seed"]
    )

    scaler = StandardScaler().fit(X_train)
    X_train_s = scaler.transform(X_train)
    X_test_s = scaler.transform(X_test)

    m = cfg["model"]
    clf = RandomForestClassifier(
        n_estimators=m["n_estimators"],
        max_depth=m["max_depth"],
        min_samples_leaf=m["min_samples_leaf"],
        n_jobs=m["n_jobs"],
        random_state=cfg["seed"],
    )
    clf.fit(X_train_s, y_train)

    pred = clf.predict(X_test_s)
    print(classification_report(y_test, pred, digits=4))
    macro = f1_score(y_test, pred, average="macro")
    print(f"macro F1: {macro:.4f}")

    joblib.dump({"scaler": scaler, "model": clf}, args.out)
    with open("artifacts/metrics.json", "w") as f:
        json.dump({"macro_f1": macro}, f, indent=2)


if __name__ == "__main__":
    main()

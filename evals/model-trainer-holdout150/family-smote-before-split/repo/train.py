"""Family classifier (AVClass labels) on static PE features."""
import sys

import joblib
import lightgbm as lgb
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

from data import balance_families, load_config, load_family_dataset


def main(config_path="config.json"):
    cfg = load_config(config_path)
    X, y = load_family_dataset(cfg["features_csv"], cfg["min_samples_per_family"])
    print(f"{len(y)} samples, {len(set(y))} families")

    X, y = balance_families(X, y, seed=cfg["seed"])

    enc = LabelEncoder()
    y_enc = enc.fit_transform(y)

    X_train, X_test, y_train, y_test = train_test_split(
        X, y_enc, test_size=cfg["test_size"], stratify=y_enc, random_state=cfg["seed"]
    )

    clf = lgb.LGBMClassifier(
        objective="multiclass",
        n_estimators=cfg["n_estimators"],
        learning_rate=cfg["learning_rate"],
        num_leaves=cfg["num_leaves"],
        colsample_bytree=0.6,
        random_state=cfg["seed"],
        verbose=-1,
    )
    clf.fit(X_train, y_train)

    pred = clf.predict(X_test)
    print("macro F1:", round(f1_score(y_test, pred, average="macro"), 4))
    print(classification_report(y_test, pred, target_names=enc.classes_, digits=3))

    joblib.dump({"model": clf, "encoder": enc}, cfg["model_out"])


if __name__ == "__main__":
    main(*sys.argv[1:])

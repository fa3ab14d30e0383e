"""End-of-line motor fault classifier (healthy / bearing / rotor bar / stator winding / misalignment)."""
import json

import pandas as pd
import yaml
from catboost import CatBoostClassifier, Pool
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from bench_features import engineer, feature_columns


def main():
    with open("params.yaml") as fh:
        params = yaml.safe_load(fh)
    label = params["data"]["label"]

    df = engineer(pd.read_csv(params["data"]["path"]))
    nums, cats = feature_columns(df, label)
    print(df[label].value_counts())

    dev, test = train_test_split(df, test_size=params["split"]["test_size"], stratify=df[label])
    train, val = train_test_split(dev, test_size=params["split"]["val_size"], stratify=dev[label])

    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, class_weight="balanced"))
    baseline.fit(train[nums], train[label])

    model = CatBoostClassifier(**params["catboost"], auto_class_weights="Balanced", verbose=200)
    model.fit(
        Pool(train[nums + cats], train[label], cat_features=cats),
        eval_set=Pool(val[nums + cats], val[label], cat_features=cats),
        use_best_model=True,
    )

    report = {}
    for name, pred in [
        ("logreg", baseline.predict(test[nums])),
        ("catboost", model.predict(test[nums + cats]).ravel()),
    ]:
        report[name] = {
            "macro_f1": f1_score(test[label], pred, average="macro"),
            "balanced_accuracy": balanced_accuracy_score(test[label], pred),
        }
        print(name)
        print(classification_report(test[label], pred, digits=3))

    model.save_model("models/eol_motor_catboost.cbm")
    with open("models/eol_motor_metrics.json", "w") as fh:
        json.dump(report, fh, indent=2)


if __name__ == "__main__":
    main()

import json
from pathlib import Path

import joblib
import yaml
from sklearn.metrics import classification_report, confusion_matrix, f1_score
from sklearn.svm import SVC

from prep import FACIES_LABELS, adjacent_accuracy, drop_missing_pe, load_wells, standardize


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    dcfg, mcfg = cfg["data"], cfg["model"]
    features, target = dcfg["features"], dcfg["target"]

    df = load_wells(dcfg["csv"])
    df = drop_missing_pe(df)
    print(df.groupby("Well Name", observed=True)[target].count())

    df, scaler = standardize(df, features)

    blind = df[df["Well Name"] == dcfg["blind_well"]]
    train = df[df["Well Name"] != dcfg["blind_well"]]
    print(f"train rows: {len(train)}, blind rows ({dcfg['blind_well']}): {len(blind)}")

    clf = SVC(C=mcfg["C"], gamma=mcfg["gamma"], class_weight=mcfg["class_weight"])
    clf.fit(train[features], train[target])

    pred = clf.predict(blind[features])
    labels = list(range(1, 10))
    conf = confusion_matrix(blind[target], pred, labels=labels)
    f1 = f1_score(blind[target], pred, average="micro")
    adj = adjacent_accuracy(conf)
    print(classification_report(blind[target], pred, labels=labels,
                                target_names=FACIES_LABELS, zero_division=0))
    print(f"blind F1 (micro): {f1:.3f}   adjacent-facies accuracy: {adj:.3f}")

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": clf, "scaler": scaler, "features": features}, out / "svm.joblib")
    json.dump({"f1_micro": f1, "adjacent_acc": adj}, open(out / "metrics.json", "w"), indent=2)


if __name__ == "__main__":
    main()

import json
import sys

import joblib
import yaml
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

from features import clean, downsample_benign, load
from models import build_model


def main(cfg_path="params.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    d = cfg["data"]

    df = clean(load(d["files"], d["label"]), d["label"])
    df = downsample_benign(df, d["label"], d["benign_label"], d["benign_sample_frac"], cfg["seed"])
    print(df[d["label"]].value_counts())

    le = LabelEncoder()
    y = le.fit_transform(df[d["label"]])
    X = df.drop(columns=[d["label"]]).astype("float32")

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=d["test_size"], stratify=y,
                                              random_state=cfg["seed"])

    model = build_model(cfg, n_classes=len(le.classes_))
    model.fit(X_tr, y_tr)

    pred = model.predict(X_te)
    report = classification_report(y_te, pred, target_names=le.classes_, digits=4, output_dict=True)
    print(classification_report(y_te, pred, target_names=le.classes_, digits=4))
    print("macro F1:", f1_score(y_te, pred, average="macro"))

    joblib.dump({"model": model, "label_encoder": le}, f"artifacts/{cfg['model']['name']}.joblib")
    json.dump(report, open(f"artifacts/{cfg['model']['name']}_report.json", "w"), indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:])

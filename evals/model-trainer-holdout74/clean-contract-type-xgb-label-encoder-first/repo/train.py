"""Contract type classifier: NDA / MSA / SOW / lease / employment / licence / DPA / other.

    python train.py config.json
"""
import json
import sys
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score, log_loss
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

from doctype.features import clean, make_featurizer


def main(cfg_path):
    cfg = json.loads(Path(cfg_path).read_text())
    seed = cfg["seed"]
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)

    df = pd.read_parquet(cfg["data_path"])
    texts = df[cfg["text_column"]].map(clean).to_numpy()
    encoder = LabelEncoder().fit(df[cfg["label_column"]])
    y = encoder.transform(df[cfg["label_column"]])
    print(dict(zip(encoder.classes_, np.bincount(y))))

    t_train, t_test, y_train, y_test = train_test_split(
        texts, y, test_size=cfg["test_size"], stratify=y, random_state=seed
    )
    t_train, t_val, y_train, y_val = train_test_split(
        t_train, y_train, test_size=cfg["val_size"], stratify=y_train, random_state=seed
    )

    featurizer = make_featurizer(cfg, seed)
    X_train = featurizer.fit_transform(t_train)
    X_val, X_test = featurizer.transform(t_val), featurizer.transform(t_test)

    booster = xgb.XGBClassifier(**cfg["xgboost"], objective="multi:softprob", random_state=seed)
    booster.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=100)

    candidates = {
        "prior": DummyClassifier(strategy="prior").fit(X_train, y_train),
        "svd_logreg": LogisticRegression(C=10.0, max_iter=3000).fit(X_train, y_train),
        "xgboost": booster,
    }
    report = {}
    for name, model in candidates.items():
        proba = model.predict_proba(X_test)
        pred = proba.argmax(axis=1)
        report[name] = {
            "accuracy": accuracy_score(y_test, pred),
            "macro_f1": f1_score(y_test, pred, average="macro"),
            "log_loss": log_loss(y_test, proba, labels=np.arange(len(encoder.classes_))),
        }
    print(json.dumps(report, indent=2))
    print(classification_report(y_test, booster.predict(X_test), target_names=encoder.classes_, digits=3))

    joblib.dump({"featurizer": featurizer, "encoder": encoder, "model": booster}, out / "contract_type.joblib")
    (out / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.json")

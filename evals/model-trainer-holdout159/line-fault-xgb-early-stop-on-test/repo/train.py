import json
from pathlib import Path

import pandas as pd
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder
from xgboost import XGBClassifier

from features import build_features, fault_label


def main(config_path="config.json"):
    cfg = json.loads(Path(config_path).read_text())
    df = pd.read_csv(cfg["data_path"])
    y_str = fault_label(df)
    df = df[y_str.notna()]
    y_str = y_str[y_str.notna()]

    X = build_features(df)
    le = LabelEncoder()
    y = le.fit_transform(y_str)
    print(dict(zip(le.classes_, pd.Series(y).value_counts().sort_index())))

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    clf = XGBClassifier(objective="multi:softprob", random_state=cfg["seed"], **cfg["xgb"])
    clf.fit(
        X_train, y_train,
        eval_set=[(X_test, y_test)],
        verbose=100,
    )
    print(f"best iteration: {clf.best_iteration}")

    y_pred = clf.predict(X_test)
    acc = accuracy_score(y_test, y_pred)
    f1 = f1_score(y_test, y_pred, average="macro")
    print(f"test accuracy {acc:.4f}  macro-F1 {f1:.4f}")
    print(classification_report(y_test, y_pred, target_names=le.classes_, digits=4))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    clf.save_model(out / "xgb_fault_type.json")
    (out / "classes.json").write_text(json.dumps(list(le.classes_)))
    (out / "metrics.json").write_text(json.dumps({"accuracy": acc, "macro_f1": f1}, indent=2))


if __name__ == "__main__":
    main()

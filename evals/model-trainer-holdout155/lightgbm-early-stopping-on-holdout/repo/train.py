import argparse
import json
from pathlib import Path

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import LabelEncoder

from features import clean, make_text_encoder, tabular


def load_config(path):
    with open(path) as fh:
        return yaml.safe_load(fh)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/lgbm_char.yaml")
    cfg = load_config(ap.parse_args().config)
    seed = cfg["seed"]
    dc, mc = cfg["data"], cfg["model"]

    df = pd.read_parquet(dc["path"])
    df = df.dropna(subset=[dc["label_col"]]).reset_index(drop=True)
    df["text"] = clean(df[dc["text_col"]])

    splitter = GroupShuffleSplit(n_splits=1, test_size=dc["test_size"], random_state=seed)
    tr, te = next(splitter.split(df, groups=df[dc["group_col"]]))
    train_df, test_df = df.iloc[tr], df.iloc[te]

    le = LabelEncoder().fit(train_df[dc["label_col"]])
    test_df = test_df[test_df[dc["label_col"]].isin(le.classes_)]
    y_train = le.transform(train_df[dc["label_col"]])
    y_test = le.transform(test_df[dc["label_col"]])

    encoder = make_text_encoder(cfg, seed)
    X_train = np.hstack([encoder.fit_transform(train_df["text"]), tabular(train_df)])
    X_test = np.hstack([encoder.transform(test_df["text"]), tabular(test_df)])

    model = lgb.LGBMClassifier(
        objective="multiclass",
        n_estimators=mc["n_estimators"],
        learning_rate=mc["learning_rate"],
        num_leaves=mc["num_leaves"],
        min_child_samples=mc["min_child_samples"],
        colsample_bytree=mc["colsample_bytree"],
        reg_lambda=mc["reg_lambda"],
        random_state=seed,
        verbose=-1,
    )
    model.fit(
        X_train,
        y_train,
        eval_set=[(X_test, y_test)],
        eval_metric="multi_logloss",
        callbacks=[
            lgb.early_stopping(mc["early_stopping_rounds"]),
            lgb.log_evaluation(100),
        ],
    )

    pred = model.predict(X_test)
    metrics = {
        "best_iteration": int(model.best_iteration_),
        "accuracy": float(accuracy_score(y_test, pred)),
        "macro_f1": float(f1_score(y_test, pred, average="macro")),
        "weighted_f1": float(f1_score(y_test, pred, average="weighted")),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"encoder": encoder, "model": model, "labels": le}, out / "model.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()

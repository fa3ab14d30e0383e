"""Adult income: TabNet vs LightGBM.

Usage: python train_tabnet_income.py --data data/adult.csv --out models/
"""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import torch
from pytorch_tabnet.tab_model import TabNetClassifier
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OrdinalEncoder

SEED = 7
CATEGORICAL = ["workclass", "education", "marital_status", "occupation", "relationship",
               "race", "sex", "native_country"]
NUMERICAL = ["age", "fnlwgt", "education_num", "capital_gain", "capital_loss", "hours_per_week"]
TARGET = "income"


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, skipinitialspace=True)
    df[TARGET] = (df[TARGET].str.strip(". ") == ">50K").astype(int)
    df[CATEGORICAL] = df[CATEGORICAL].fillna("missing")
    return df


def encode(train: pd.DataFrame, test: pd.DataFrame):
    enc = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1)
    enc.fit(train[CATEGORICAL])
    cat_dims = [len(c) + 1 for c in enc.categories_]

    def transform(frame):
        cats = enc.transform(frame[CATEGORICAL]) + 1
        return np.hstack([cats, frame[NUMERICAL].values]).astype(np.float32)

    return transform(train), transform(test), cat_dims


def main(args):
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    df = load(args.data)
    train_df, test_df = train_test_split(df, test_size=0.2, stratify=df[TARGET], random_state=SEED)
    X_train, X_test, cat_dims = encode(train_df, test_df)
    y_train, y_test = train_df[TARGET].values, test_df[TARGET].values
    cat_idxs = list(range(len(CATEGORICAL)))

    clf = TabNetClassifier(
        n_d=32, n_a=32, n_steps=5, gamma=1.5,
        cat_idxs=cat_idxs, cat_dims=cat_dims, cat_emb_dim=4,
        optimizer_fn=torch.optim.Adam, optimizer_params=dict(lr=2e-2),
        scheduler_fn=torch.optim.lr_scheduler.StepLR, scheduler_params=dict(step_size=20, gamma=0.9),
        mask_type="entmax", seed=SEED, verbose=10,
    )
    clf.fit(
        X_train, y_train,
        eval_set=[(X_train, y_train), (X_test, y_test)],
        eval_name=["train", "test"],
        eval_metric=["auc"],
        max_epochs=200, patience=20,
        batch_size=1024, virtual_batch_size=128,
    )

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    clf.save_model(str(out / "tabnet_income"))

    gbm = lgb.LGBMClassifier(n_estimators=400, learning_rate=0.05, num_leaves=63, random_state=SEED)
    gbm.fit(X_train, y_train, categorical_feature=cat_idxs)

    report = {}
    for name, proba in [("tabnet", clf.predict_proba(X_test)[:, 1]),
                        ("lightgbm", gbm.predict_proba(X_test)[:, 1])]:
        report[name] = {
            "roc_auc": roc_auc_score(y_test, proba),
            "pr_auc": average_precision_score(y_test, proba),
            "f1@0.5": f1_score(y_test, proba >= 0.5),
        }
    print(json.dumps(report, indent=2))
    (out / "metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/adult.csv")
    p.add_argument("--out", default="models/")
    main(p.parse_args())

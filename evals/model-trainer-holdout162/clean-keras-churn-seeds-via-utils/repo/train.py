import argparse

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from tensorflow import keras

from model import build_model
from utils import load_config, set_global_seed


def encode(df: pd.DataFrame, cfg: dict):
    d = cfg["data"]
    num = np.log1p(df[d["numeric"]].clip(lower=0).to_numpy("float32"))
    cats = []
    for col, levels in d["categorical"].items():
        cats.append(pd.get_dummies(pd.Categorical(df[col], categories=levels)).to_numpy("float32"))
    return num, np.hstack(cats), df[d["label"]].to_numpy("float32")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = load_config(ap.parse_args().config)
    set_global_seed(cfg["seed"])

    users = pd.read_parquet(cfg["data"]["users"])
    label = cfg["data"]["label"]
    s = cfg["split"]
    dev, test = train_test_split(users, test_size=s["test_size"], stratify=users[label],
                                 random_state=cfg["seed"])
    train, valid = train_test_split(dev, test_size=s["valid_size"] / (1 - s["test_size"]),
                                    stratify=dev[label], random_state=cfg["seed"])

    num_tr, cat_tr, y_tr = encode(train, cfg)
    num_va, cat_va, y_va = encode(valid, cfg)
    num_te, cat_te, y_te = encode(test, cfg)

    norm = keras.layers.Normalization(axis=-1)
    norm.adapt(num_tr)

    model = build_model(norm, num_tr.shape[1], cat_tr.shape[1], cfg["train"]["lr"])
    pos_w = (1 - y_tr.mean()) / y_tr.mean()
    model.fit(
        [num_tr, cat_tr], y_tr,
        validation_data=([num_va, cat_va], y_va),
        epochs=cfg["train"]["epochs"],
        batch_size=cfg["train"]["batch_size"],
        class_weight={0: 1.0, 1: float(pos_w)},
        callbacks=[keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max",
                                                 patience=cfg["train"]["patience"],
                                                 restore_best_weights=True)],
        verbose=2,
    )

    p_te = model.predict([num_te, cat_te], batch_size=4096).ravel()
    print(f"test ROC AUC {roc_auc_score(y_te, p_te):.4f}  PR AUC {average_precision_score(y_te, p_te):.4f}")
    model.save("churn_7d_mlp.keras")


if __name__ == "__main__":
    main()

"""Binary relevance filter applied before the ranker: drops clearly irrelevant (query, product) pairs.

Labels come from the graded judgments: grade >= 2 -> relevant (about 4% of the pooled pairs).
Splits are by query.
"""
import json
import os
import random

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler

SEED = 404
DENSE_FEATURES = ["bm25_title", "bm25_desc", "emb_cos_title", "emb_cos_desc", "category_match",
                  "brand_match", "price_ratio_to_query_median", "title_len", "query_len"]
os.environ["PYTHONHASHSEED"] = str(SEED)
random.seed(SEED)
np.random.seed(SEED)
tf.random.set_seed(SEED)


def load():
    df = pd.read_parquet("data/judged_pairs_v5.parquet")
    df["relevant"] = (df["grade"] >= 2).astype("int32")
    return df


def split_by_query(df, test_size, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    a, b = next(gss.split(df, groups=df["query_id"]))
    return df.iloc[a], df.iloc[b]


def build_model(n_features):
    inputs = tf.keras.Input(shape=(n_features,))
    x = tf.keras.layers.Dense(128, activation="relu")(inputs)
    x = tf.keras.layers.Dropout(0.3)(x)
    x = tf.keras.layers.Dense(64, activation="relu")(x)
    x = tf.keras.layers.Dropout(0.3)(x)
    out = tf.keras.layers.Dense(1, activation="sigmoid")(x)
    model = tf.keras.Model(inputs, out)
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
                  metrics=["accuracy"])
    return model


def main():
    df = load()
    pos_rate = df["relevant"].mean()
    print(f"{len(df):,} pairs, {df.query_id.nunique():,} queries, relevant rate {pos_rate:.3%}")

    train_full, test = split_by_query(df, 0.2, SEED)
    train, val = split_by_query(train_full, 0.15, SEED)

    scaler = StandardScaler().fit(train[DENSE_FEATURES])
    X_tr, X_val, X_te = (scaler.transform(d[DENSE_FEATURES]) for d in (train, val, test))
    y_tr, y_val, y_te = train["relevant"].values, val["relevant"].values, test["relevant"].values

    class_weight = {0: 1.0, 1: float((1 - pos_rate) / pos_rate)}
    model = build_model(len(DENSE_FEATURES))
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint("checkpoints/relevance_filter.keras",
                                           monitor="val_loss", save_best_only=True),
    ]
    model.fit(X_tr, y_tr, validation_data=(X_val, y_val), epochs=100, batch_size=1024,
              class_weight=class_weight, callbacks=callbacks, verbose=2)

    _, test_acc = model.evaluate(X_te, y_te, verbose=0)
    majority_acc = 1.0 - y_te.mean()
    results = {"test_accuracy": float(test_acc), "always_irrelevant_accuracy": float(majority_acc)}
    print(json.dumps(results, indent=2))
    with open("checkpoints/relevance_filter_metrics.json", "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main()

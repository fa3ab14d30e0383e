"""Gym membership cancellation model (Keras functional API with preprocessing layers)."""
import argparse
import json

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, precision_recall_curve, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from tensorflow import keras


def to_dict(frame, cfg):
    d = {c: frame[c].to_numpy("float32")[:, None] for c in cfg["numeric"]}
    d.update({c: frame[c].astype(str).to_numpy()[:, None] for c in cfg["categorical"]})
    return d


def build_model(train_df, cfg):
    inputs, encoded = {}, []
    num_inputs = [keras.Input(shape=(1,), name=c) for c in cfg["numeric"]]
    inputs.update({c: i for c, i in zip(cfg["numeric"], num_inputs)})
    norm = keras.layers.Normalization()
    norm.adapt(train_df[cfg["numeric"]].to_numpy("float32"))
    encoded.append(norm(keras.layers.Concatenate()(num_inputs)))
    for c in cfg["categorical"]:
        inp = keras.Input(shape=(1,), name=c, dtype="string")
        lookup = keras.layers.StringLookup(output_mode="one_hot")
        lookup.adapt(train_df[c].astype(str).to_numpy())
        inputs[c] = inp
        encoded.append(lookup(inp))
    x = keras.layers.Concatenate()(encoded)
    x = keras.layers.Dense(64, activation="relu")(x)
    x = keras.layers.Dropout(0.25)(x)
    x = keras.layers.Dense(32, activation="relu")(x)
    out = keras.layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, out)
    model.compile(optimizer=keras.optimizers.Adam(cfg["learning_rate"]), loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc"), keras.metrics.AUC(curve="PR", name="pr_auc")])
    return model


def main(cfg):
    keras.utils.set_random_seed(cfg["seed"])
    df = pd.read_csv(cfg["data_path"])
    df[cfg["numeric"]] = df[cfg["numeric"]].astype("float32")
    y = df[cfg["target"]].astype("float32")

    train_df, test_df, y_train, y_test = train_test_split(df, y, test_size=0.2, stratify=y, random_state=cfg["seed"])
    train_df, val_df, y_train, y_val = train_test_split(
        train_df, y_train, test_size=0.2, stratify=y_train, random_state=cfg["seed"])
    medians = train_df[cfg["numeric"]].median()
    train_df, val_df, test_df = (d.fillna(medians) for d in (train_df, val_df, test_df))

    model = build_model(train_df, cfg)
    callbacks = [
        keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=cfg["patience"],
                                      restore_best_weights=True),
        keras.callbacks.ModelCheckpoint(cfg["checkpoint"], monitor="val_pr_auc", mode="max", save_best_only=True),
    ]
    neg, pos = np.bincount(y_train.astype(int))
    model.fit(to_dict(train_df, cfg), y_train.to_numpy(), validation_data=(to_dict(val_df, cfg), y_val.to_numpy()),
              epochs=cfg["epochs"], batch_size=cfg["batch_size"], class_weight={0: 1.0, 1: neg / pos},
              callbacks=callbacks, verbose=2)

    p_val = model.predict(to_dict(val_df, cfg), verbose=0).ravel()
    prec, rec, thr = precision_recall_curve(y_val, p_val)
    ok = np.where(rec[:-1] >= 0.6)[0]
    threshold = float(thr[ok[-1]]) if len(ok) else 0.5

    p_test = model.predict(to_dict(test_df, cfg), verbose=0).ravel()
    prior = DummyClassifier(strategy="prior").fit(train_df[cfg["numeric"]], y_train)
    p_prior = prior.predict_proba(test_df[cfg["numeric"]])[:, 1]
    report = {
        "threshold_from_val": threshold,
        "mlp": {"roc_auc": roc_auc_score(y_test, p_test), "pr_auc": average_precision_score(y_test, p_test),
                "precision": precision_score(y_test, p_test >= threshold),
                "recall": recall_score(y_test, p_test >= threshold)},
        "prior": {"roc_auc": roc_auc_score(y_test, p_prior), "pr_auc": average_precision_score(y_test, p_prior)},
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.json")
    with open(ap.parse_args().config) as fh:
        main(json.load(fh))

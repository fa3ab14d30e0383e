import random

import numpy as np
import pandas as pd
import tensorflow as tf
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.compose import ColumnTransformer

from features import build_preprocessing, to_dataset
from tracking import log_summary, start_run


def build_model(cfg, lookups, norm, cat_cols, n_num):
    inputs, parts = {}, []
    for c in cat_cols:
        inp = tf.keras.Input(shape=(), dtype=tf.string, name=c)
        idx = lookups[c](inp)
        emb = tf.keras.layers.Embedding(lookups[c].vocabulary_size(), cfg["emb_dim"], name=f"emb_{c}")(idx)
        inputs[c] = inp
        parts.append(emb)
    num_in = tf.keras.Input(shape=(n_num,), name="numeric")
    inputs["numeric"] = num_in
    x = tf.keras.layers.Concatenate()(parts + [norm(num_in)])
    for u in cfg["units"]:
        x = tf.keras.layers.Dense(u, activation="relu")(x)
        x = tf.keras.layers.Dropout(cfg["dropout"])(x)
    out = tf.keras.layers.Dense(1, activation="sigmoid")(x)
    model = tf.keras.Model(inputs, out)
    model.compile(optimizer=tf.keras.optimizers.Adam(cfg["lr"]), loss="binary_crossentropy",
                  metrics=[tf.keras.metrics.AUC(name="auc"), tf.keras.metrics.AUC(curve="PR", name="pr_auc")])
    return model


def main():
    cfg = yaml.safe_load(open("params.yaml"))
    d, s, m = cfg["data"], cfg["split"], cfg["model"]
    random.seed(s["seed"])
    np.random.seed(s["seed"])
    tf.random.set_seed(s["seed"])

    df = pd.read_csv(d["path"])
    train_df, test_df = train_test_split(df, test_size=s["test_size"], stratify=df[d["target"]],
                                         random_state=s["seed"])
    train_df, val_df = train_test_split(train_df, test_size=s["val_size"], stratify=train_df[d["target"]],
                                        random_state=s["seed"])

    lookups, norm = build_preprocessing(train_df, d["categorical"], d["numerical"])
    mk = lambda frame, shuffle: to_dataset(frame, d["categorical"], d["numerical"], d["target"],
                                           m["batch_size"], shuffle, s["seed"])
    model = build_model(m, lookups, norm, d["categorical"], len(d["numerical"]))

    run, wb_callbacks = start_run(cfg, run_name="embed-mlp")
    callbacks = wb_callbacks + [
        tf.keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=m["patience"],
                                         restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint("models/churn_embed.keras", monitor="val_pr_auc", mode="max",
                                           save_best_only=True),
    ]
    model.fit(mk(train_df, True), validation_data=mk(val_df, False), epochs=m["epochs"], callbacks=callbacks)

    y_test = test_df[d["target"]].values
    p_nn = model.predict(mk(test_df, False)).ravel()

    baseline = make_pipeline(
        ColumnTransformer([("cat", OneHotEncoder(handle_unknown="ignore"), d["categorical"]),
                           ("num", StandardScaler(), d["numerical"])]),
        LogisticRegression(max_iter=2000),
    ).fit(train_df, train_df[d["target"]])
    p_lr = baseline.predict_proba(test_df)[:, 1]

    metrics = {
        "test_roc_auc": roc_auc_score(y_test, p_nn),
        "test_pr_auc": average_precision_score(y_test, p_nn),
        "baseline_roc_auc": roc_auc_score(y_test, p_lr),
        "baseline_pr_auc": average_precision_score(y_test, p_lr),
    }
    print(metrics)
    log_summary(run, metrics)


if __name__ == "__main__":
    main()

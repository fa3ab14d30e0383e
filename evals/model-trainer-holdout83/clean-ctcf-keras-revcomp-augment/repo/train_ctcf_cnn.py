"""CTCF binding classifier: ChIP-seq summit windows vs GC-matched background (Keras)."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

SEQ_LEN = 500
BASES = np.array(list("ACGT"))


def one_hot(seqs):
    arr = np.frombuffer("".join(s.upper() for s in seqs).encode(), dtype="S1").reshape(len(seqs), SEQ_LEN)
    return (arr[..., None] == BASES.astype("S1")[None, None, :]).astype(np.float32)


def reverse_complement(x):
    # A,C,G,T channel order: flipping both axes maps A<->T and C<->G
    return x[:, ::-1, ::-1]


def gc_and_cpg(x):
    gc = x[:, :, 1:3].sum(axis=(1, 2)) / SEQ_LEN
    cpg = (x[:, :-1, 1] * x[:, 1:, 2]).sum(axis=1) / SEQ_LEN
    return np.stack([gc, cpg], axis=1)


def build(filters, dropout):
    inp = keras.Input((SEQ_LEN, 4))
    x = layers.Conv1D(filters, 19, padding="same", activation="relu")(inp)
    x = layers.BatchNormalization()(x)
    x = layers.MaxPooling1D(5)(x)
    x = layers.Dropout(dropout)(x)
    x = layers.Conv1D(filters, 7, padding="same", activation="relu")(x)
    x = layers.MaxPooling1D(5)(x)
    x = layers.Dropout(dropout)(x)
    x = layers.Flatten()(x)
    x = layers.Dense(128, activation="relu")(x)
    out = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inp, out)
    model.compile(keras.optimizers.Adam(1e-3), "binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auroc"), keras.metrics.AUC(curve="PR", name="auprc")])
    return model


def main(a):
    keras.utils.set_random_seed(a.seed)
    tf.config.experimental.enable_op_determinism()
    df = pd.read_csv(a.windows, sep="\t")
    df = df[df["sequence"].str.len() == SEQ_LEN]
    X, y = one_hot(df["sequence"].tolist()), df["bound"].astype(int).values

    X_trval, X_test, y_trval, y_test = train_test_split(X, y, test_size=0.15, stratify=y, random_state=a.seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_trval, y_trval, test_size=0.15, stratify=y_trval, random_state=a.seed
    )
    X_train = np.concatenate([X_train, reverse_complement(X_train)])
    y_train = np.concatenate([y_train, y_train])

    gc_lr = LogisticRegression(max_iter=1000).fit(gc_and_cpg(X_train), y_train)
    p_gc = gc_lr.predict_proba(gc_and_cpg(X_test))[:, 1]

    model = build(a.filters, a.dropout)
    ckpt = Path(a.out) / "ctcf_cnn.keras"
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    model.fit(
        X_train, y_train,
        validation_data=(X_val, y_val),
        epochs=a.epochs, batch_size=a.batch_size, shuffle=True,
        callbacks=[
            keras.callbacks.EarlyStopping(monitor="val_auprc", mode="max", patience=5, restore_best_weights=True),
            keras.callbacks.ModelCheckpoint(str(ckpt), monitor="val_auprc", mode="max", save_best_only=True),
        ],
    )
    # average forward and reverse-complement predictions at test time
    p_cnn = 0.5 * (model.predict(X_test, batch_size=1024).ravel()
                   + model.predict(reverse_complement(X_test), batch_size=1024).ravel())
    res = {name: {"auroc": float(roc_auc_score(y_test, p)), "auprc": float(average_precision_score(y_test, p))}
           for name, p in [("gc_cpg_logreg", p_gc), ("cnn_rc_avg", p_cnn)]}
    print(json.dumps(res, indent=2))
    (Path(a.out) / "test_metrics.json").write_text(json.dumps(res, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--windows", default="data/encode_ctcf_gm12878_windows500.tsv.gz")
    ap.add_argument("--out", default="runs/ctcf_cnn")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--filters", type=int, default=96)
    ap.add_argument("--dropout", type=float, default=0.25)
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--batch-size", type=int, default=128)
    main(ap.parse_args())

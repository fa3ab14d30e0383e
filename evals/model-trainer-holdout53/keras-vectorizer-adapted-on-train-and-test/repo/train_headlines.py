"""Multi-class news headline topic classifier (Keras 1D-CNN)."""
import random

import numpy as np
import pandas as pd
import tensorflow as tf
import tomli
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

with open("config.toml", "rb") as fh:
    CFG = tomli.load(fh)

SEED = CFG["run"]["seed"]
random.seed(SEED)
np.random.seed(SEED)
tf.random.set_seed(SEED)


def load_split(path, label_index=None):
    df = pd.read_csv(path).dropna(subset=["headline", "category"])
    df["headline"] = df["headline"].str.strip()
    if label_index is None:
        label_index = {c: i for i, c in enumerate(sorted(df["category"].unique()))}
    df = df[df["category"].isin(label_index)]
    return df["headline"].values, df["category"].map(label_index).values, label_index


def build_model(vectorizer, n_classes, mcfg):
    inputs = keras.Input(shape=(1,), dtype=tf.string)
    x = vectorizer(inputs)
    x = layers.Embedding(CFG["vectorizer"]["max_tokens"], mcfg["embed_dim"])(x)
    x = layers.Conv1D(mcfg["conv_filters"], 3, activation="relu", padding="same")(x)
    x = layers.GlobalMaxPooling1D()(x)
    x = layers.Dropout(mcfg["dropout"])(x)
    outputs = layers.Dense(n_classes, activation="softmax")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(mcfg["learning_rate"]),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def main():
    X_full, y_full, label_index = load_split(CFG["data"]["train_csv"])
    X_test, y_test, _ = load_split(CFG["data"]["test_csv"], label_index)
    X_train, X_val, y_train, y_val = train_test_split(
        X_full, y_full, test_size=CFG["data"]["val_fraction"], stratify=y_full, random_state=SEED)

    vcfg = CFG["vectorizer"]
    vectorizer = layers.TextVectorization(
        max_tokens=vcfg["max_tokens"], output_sequence_length=vcfg["sequence_length"],
        standardize="lower_and_strip_punctuation")
    vectorizer.adapt(np.concatenate([X_train, X_test]))

    mcfg = CFG["model"]
    model = build_model(vectorizer, len(label_index), mcfg)
    callbacks = [
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=mcfg["patience"], restore_best_weights=True),
        keras.callbacks.ModelCheckpoint(CFG["run"]["checkpoint"], monitor="val_loss", save_best_only=True),
    ]
    model.fit(X_train, y_train, validation_data=(X_val, y_val), epochs=mcfg["epochs"],
              batch_size=mcfg["batch_size"], callbacks=callbacks, verbose=2)

    probs = model.predict(X_test, batch_size=512)
    pred = probs.argmax(axis=1)
    names = sorted(label_index, key=label_index.get)
    print(classification_report(y_test, pred, target_names=names, digits=3))
    print("macro F1:", f1_score(y_test, pred, average="macro"))

    majority = np.bincount(y_train).argmax()
    print("majority-class macro F1:", f1_score(y_test, np.full_like(y_test, majority), average="macro"))


if __name__ == "__main__":
    main()

"""Predict employment in quarter 4 after exit from WIOA adult/dislocated-worker services.

Participant records (program years 2017-2021) joined to UI wage records.
"""
import os

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.metrics import roc_auc_score, average_precision_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 8
os.environ["PYTHONHASHSEED"] = str(SEED)
tf.keras.utils.set_random_seed(SEED)

NUMERIC = ["age_at_entry", "highest_grade", "wages_q_minus1", "wages_q_minus2", "wages_q_minus4",
           "weeks_unemployed_at_entry", "days_in_program", "training_hours"]
CATEGORICAL = ["program", "service_level", "training_type", "barrier_low_income",
               "barrier_ex_offender", "barrier_disability", "veteran", "lwda"]
TARGET = "employed_q4_exit"


def load(path="data/wioa_exiters_py2017_2021.csv"):
    df = pd.read_csv(path)
    for c in ["wages_q_minus1", "wages_q_minus2", "wages_q_minus4"]:
        df[c] = np.log1p(df[c].fillna(0).clip(lower=0))
    df["training_hours"] = df["training_hours"].fillna(0)
    return df


def build_model(n_features):
    inputs = tf.keras.Input(shape=(n_features,))
    x = tf.keras.layers.Dense(128, activation="relu")(inputs)
    x = tf.keras.layers.Dropout(0.3)(x)
    x = tf.keras.layers.Dense(64, activation="relu")(x)
    x = tf.keras.layers.Dropout(0.3)(x)
    outputs = tf.keras.layers.Dense(1, activation="sigmoid")(x)
    model = tf.keras.Model(inputs, outputs)
    model.compile(
        optimizer=tf.keras.optimizers.Adam(learning_rate=5e-4),
        loss="binary_crossentropy",
        metrics=[tf.keras.metrics.AUC(name="auc"), tf.keras.metrics.BinaryAccuracy(name="acc")],
    )
    return model


def main():
    df = load()
    train_df, test_df = train_test_split(df, test_size=0.2, stratify=df[TARGET], random_state=SEED)

    pre = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
    ])
    X_train = pre.fit_transform(train_df[NUMERIC + CATEGORICAL]).astype("float32")
    X_test = pre.transform(test_df[NUMERIC + CATEGORICAL]).astype("float32")
    y_train = train_df[TARGET].to_numpy("float32")
    y_test = test_df[TARGET].to_numpy("float32")

    model = build_model(X_train.shape[1])
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=10, restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint("models/wioa_emp.keras", monitor="val_auc", mode="max", save_best_only=True),
        tf.keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=4),
    ]
    model.fit(
        X_train, y_train,
        validation_data=(X_test, y_test),
        epochs=200,
        batch_size=256,
        callbacks=callbacks,
        verbose=2,
    )

    p_test = model.predict(X_test, batch_size=2048).ravel()
    dummy = DummyClassifier(strategy="prior").fit(X_train, y_train)
    p_dummy = dummy.predict_proba(X_test)[:, 1]

    print(f"test AUC  : {roc_auc_score(y_test, p_test):.4f} (prior baseline {roc_auc_score(y_test, p_dummy):.4f})")
    print(f"test AP   : {average_precision_score(y_test, p_test):.4f}")
    print(f"test F1@.5: {f1_score(y_test, p_test >= 0.5):.4f}")


if __name__ == "__main__":
    main()

"""Bank customer churn: Keras MLP vs. logistic regression.

Data: Churn_Modelling.csv (10k customers, target `Exited`).
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from tensorflow import keras
from tensorflow.keras import layers

DATA_PATH = "data/Churn_Modelling.csv"
NUMERIC = ["CreditScore", "Age", "Tenure", "Balance", "NumOfProducts", "EstimatedSalary"]
BINARY = ["HasCrCard", "IsActiveMember"]
CATEGORICAL = ["Geography", "Gender"]


def build_model(n_features: int) -> keras.Model:
    model = keras.Sequential([
        layers.Input(shape=(n_features,)),
        layers.Dense(128, activation="relu"),
        layers.Dropout(0.3),
        layers.Dense(64, activation="relu"),
        layers.Dropout(0.3),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc"), keras.metrics.AUC(curve="PR", name="pr_auc")])
    return model


def pick_threshold(y_true, proba):
    thresholds = np.arange(0.1, 0.9, 0.01)
    f1s = [f1_score(y_true, proba >= t) for t in thresholds]
    return thresholds[int(np.argmax(f1s))]


def main():
    df = pd.read_csv(DATA_PATH).drop(columns=["RowNumber", "CustomerId", "Surname"])
    X, y = df.drop(columns=["Exited"]), df["Exited"].values

    X_trval, X_test, y_trval, y_test = train_test_split(X, y, test_size=0.2, stratify=y)
    X_train, X_val, y_train, y_val = train_test_split(X_trval, y_trval, test_size=0.2, stratify=y_trval)

    pre = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("bin", "passthrough", BINARY),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
    ])
    Xt_train = pre.fit_transform(X_train).astype("float32")
    Xt_val = pre.transform(X_val).astype("float32")
    Xt_test = pre.transform(X_test).astype("float32")

    pos_weight = (y_train == 0).sum() / (y_train == 1).sum()
    model = build_model(Xt_train.shape[1])
    callbacks = [
        keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=15, restore_best_weights=True),
        keras.callbacks.ModelCheckpoint("churn_mlp.keras", monitor="val_auc", mode="max", save_best_only=True),
    ]
    model.fit(Xt_train, y_train, validation_data=(Xt_val, y_val), epochs=200, batch_size=128,
              class_weight={0: 1.0, 1: float(pos_weight)}, callbacks=callbacks, verbose=2)

    logreg = LogisticRegression(max_iter=1000, class_weight="balanced").fit(Xt_train, y_train)

    for name, predict in [("logreg", lambda a: logreg.predict_proba(a)[:, 1]),
                          ("mlp", lambda a: model.predict(a, verbose=0).ravel())]:
        thr = pick_threshold(y_val, predict(Xt_val))
        proba = predict(Xt_test)
        print(f"{name:>6}: AUC={roc_auc_score(y_test, proba):.4f} "
              f"PR-AUC={average_precision_score(y_test, proba):.4f} "
              f"F1@{thr:.2f}={f1_score(y_test, proba >= thr):.4f}")


if __name__ == "__main__":
    main()

"""Deep net for the UCI HIGGS benchmark (Baldi, Sadowski, Whiteson 2014)."""
import json
import sys

import joblib
import tensorflow as tf
from sklearn.metrics import roc_auc_score
from tensorflow import keras

from preprocess import prepare, read_higgs


def build_model(n_in, layers, dropout, lr):
    model = keras.Sequential([keras.Input(shape=(n_in,))])
    for width in layers:
        model.add(keras.layers.Dense(width, activation="tanh", kernel_initializer="he_normal"))
        model.add(keras.layers.Dropout(dropout))
    model.add(keras.layers.Dense(1, activation="sigmoid"))
    model.compile(
        optimizer=keras.optimizers.Adam(lr),
        loss="binary_crossentropy",
        metrics=[keras.metrics.AUC(name="auc")],
    )
    return model


def main(cfg_path="config.json"):
    cfg = json.load(open(cfg_path))
    tf.keras.utils.set_random_seed(cfg["seed"])

    X_train, y_train, scaler = prepare(read_higgs(cfg["train_file"]))
    X_test, y_test, _ = prepare(read_higgs(cfg["test_file"]))
    print(X_train.shape, X_test.shape)

    model = build_model(X_train.shape[1], cfg["layers"], cfg["dropout"], cfg["lr"])
    model.fit(
        X_train, y_train,
        validation_split=cfg["val_fraction"],
        epochs=cfg["epochs"],
        batch_size=cfg["batch_size"],
        callbacks=[
            keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=5, restore_best_weights=True),
            keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=2),
        ],
    )

    p_test = model.predict(X_test, batch_size=4096).ravel()
    print(f"test AUC: {roc_auc_score(y_test, p_test):.4f}")

    model.save("higgs_dnn.keras")
    joblib.dump(scaler, "higgs_scaler.joblib")


if __name__ == "__main__":
    main(*sys.argv[1:])

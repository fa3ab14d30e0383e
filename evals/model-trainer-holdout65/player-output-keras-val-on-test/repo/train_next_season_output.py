"""Predict a player's next-season non-penalty goals + assists per 90.

Rows are player-seasons (outfield players with enough minutes); features are the
current season's per-90 profile, target is the following season's npG+A/90.
"""
import json

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from tensorflow import keras

with open("params.json") as fh:
    P = json.load(fh)

keras.utils.set_random_seed(P["seed"])

FEATURES = [
    "age", "minutes", "npxg_p90", "xag_p90", "np_goals_p90", "assists_p90",
    "shots_p90", "sca_p90", "prog_carries_p90", "prog_passes_rec_p90",
    "touches_att_pen_p90", "team_xg_p90", "is_forward", "is_midfielder",
]
TARGET = "next_npga_p90"


def load_player_seasons(path: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df[(df["minutes"] >= P["min_minutes"]) & (df["position"] != "GK")]
    df["is_forward"] = (df["position"] == "FW").astype(float)
    df["is_midfielder"] = (df["position"] == "MF").astype(float)
    df = df.sort_values(["player_id", "season"])
    df["next_season"] = df.groupby("player_id")["season"].shift(-1)
    df[TARGET] = df.groupby("player_id")["npga_p90"].shift(-1)
    df = df[df["next_season"] == df["season"] + 1]
    return df.dropna(subset=FEATURES + [TARGET])


def build_model(n_features: int, norm: keras.layers.Normalization) -> keras.Model:
    inputs = keras.Input(shape=(n_features,))
    x = norm(inputs)
    for units in P["hidden_units"]:
        x = keras.layers.Dense(units, activation="relu")(x)
        x = keras.layers.Dropout(P["dropout"])(x)
    outputs = keras.layers.Dense(1, activation="softplus")(x)
    model = keras.Model(inputs, outputs)
    model.compile(
        optimizer=keras.optimizers.Adam(P["learning_rate"]),
        loss="huber",
        metrics=[keras.metrics.MeanAbsoluteError(name="mae")],
    )
    return model


def main() -> None:
    df = load_player_seasons(P["data_path"])
    train = df[df["season"] < P["test_season"]]
    test = df[df["season"] == P["test_season"]]
    print(f"train player-seasons: {len(train)}, test: {len(test)}")

    X_train = train[FEATURES].to_numpy("float32")
    y_train = train[TARGET].to_numpy("float32")
    X_test = test[FEATURES].to_numpy("float32")
    y_test = test[TARGET].to_numpy("float32")

    norm = keras.layers.Normalization()
    norm.adapt(X_train)
    model = build_model(len(FEATURES), norm)

    callbacks = [
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=P["patience"], restore_best_weights=True),
        keras.callbacks.ModelCheckpoint("checkpoints/next_npga.keras", monitor="val_loss", save_best_only=True),
        keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=8),
    ]
    history = model.fit(
        X_train, y_train,
        validation_data=(X_test, y_test),
        epochs=P["max_epochs"],
        batch_size=P["batch_size"],
        callbacks=callbacks,
        verbose=2,
    )
    print(f"best epoch: {int(np.argmin(history.history['val_loss'])) + 1}")

    pred = model.predict(X_test, verbose=0).ravel()
    persistence = test["npga_p90"].to_numpy("float32")
    for name, p in [("persistence", persistence), ("mlp", pred)]:
        rmse = mean_squared_error(y_test, p) ** 0.5
        print(f"{name:>12}: MAE={mean_absolute_error(y_test, p):.4f} RMSE={rmse:.4f} R2={r2_score(y_test, p):.3f}")

    model.save("models/next_npga_mlp.keras")
    tf.print("saved")


if __name__ == "__main__":
    main()

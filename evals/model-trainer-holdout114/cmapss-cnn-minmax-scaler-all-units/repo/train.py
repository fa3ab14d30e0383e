import argparse
import json

import numpy as np
import yaml
from sklearn.model_selection import GroupShuffleSplit
from tensorflow import keras

from data import load_train, make_windows


def build_model(window, n_features, cfg):
    model = keras.Sequential([
        keras.layers.Input(shape=(window, n_features)),
        keras.layers.Conv1D(cfg["filters"], cfg["kernel_size"], padding="same", activation="relu"),
        keras.layers.Conv1D(cfg["filters"], cfg["kernel_size"], padding="same", activation="relu"),
        keras.layers.Conv1D(cfg["filters"] * 2, 3, padding="same", activation="relu"),
        keras.layers.GlobalAveragePooling1D(),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(cfg["dropout"]),
        keras.layers.Dense(1),
    ])
    model.compile(
        optimizer=keras.optimizers.Adam(cfg["lr"]),
        loss="mse",
        metrics=[keras.metrics.RootMeanSquaredError(name="rmse")],
    )
    return model


def split_units(df, test_size, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    a, b = next(gss.split(df, groups=df["unit_nr"]))
    return df.iloc[a], df.iloc[b]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    parser.add_argument("--out", default="metrics.json")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    keras.utils.set_random_seed(cfg["seed"])
    window = cfg["data"]["window"]

    df, feature_cols, _ = load_train(cfg["data"]["train_file"], cfg["data"]["max_rul"])
    # hold out whole engines so no engine appears on both sides
    dev_df, test_df = split_units(df, cfg["split"]["test_size"], cfg["seed"])
    train_df, val_df = split_units(dev_df, cfg["split"]["val_size"], cfg["seed"])
    print(f"engines: train={train_df.unit_nr.nunique()} val={val_df.unit_nr.nunique()} "
          f"test={test_df.unit_nr.nunique()}")

    X_train, y_train = make_windows(train_df, feature_cols, window)
    X_val, y_val = make_windows(val_df, feature_cols, window)
    X_test, y_test = make_windows(test_df, feature_cols, window)

    model = build_model(window, len(feature_cols), cfg["model"])
    model.fit(
        X_train, y_train,
        validation_data=(X_val, y_val),
        epochs=cfg["train"]["epochs"],
        batch_size=cfg["train"]["batch_size"],
        callbacks=[keras.callbacks.EarlyStopping(monitor="val_rmse", patience=cfg["train"]["patience"],
                                                 restore_best_weights=True)],
        verbose=2,
    )

    pred = model.predict(X_test, verbose=0).ravel()
    rmse = float(np.sqrt(np.mean((pred - y_test) ** 2)))
    mae = float(np.mean(np.abs(pred - y_test)))
    print(f"test RMSE={rmse:.2f}  MAE={mae:.2f}")
    with open(args.out, "w") as f:
        json.dump({"rmse": rmse, "mae": mae, "n_test_windows": int(len(y_test))}, f, indent=2)


if __name__ == "__main__":
    main()

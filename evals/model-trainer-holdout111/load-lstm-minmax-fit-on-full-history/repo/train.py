import argparse
from pathlib import Path

import pandas as pd
import tensorflow as tf
import yaml
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

from features import add_calendar_features, load_data, make_windows, scale_frame


def build_model(n_steps, n_features, horizon, units, dropout, lr):
    model = tf.keras.Sequential([
        tf.keras.layers.Input(shape=(n_steps, n_features)),
        tf.keras.layers.LSTM(units, return_sequences=True),
        tf.keras.layers.Dropout(dropout),
        tf.keras.layers.LSTM(units // 2),
        tf.keras.layers.Dense(horizon),
    ])
    model.compile(optimizer=tf.keras.optimizers.Adam(lr), loss="mse")
    return model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    parser.add_argument("--out", default="artifacts")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    tf.keras.utils.set_random_seed(cfg["seed"])
    target = cfg["data"]["target"]
    feat_cols = [target] + cfg["features"]["weather"] + cfg["features"]["calendar"]

    df = add_calendar_features(load_data(cfg))[feat_cols]
    df_scaled, scaler = scale_frame(df, feat_cols)

    val_start = pd.Timestamp(cfg["split"]["val_start"])
    test_start = pd.Timestamp(cfg["split"]["test_start"])
    lb, hz = cfg["model"]["lookback"], cfg["model"]["horizon"]
    ctx = pd.Timedelta(hours=lb)
    train = df_scaled[df_scaled.index < val_start]
    # each later segment keeps `lookback` hours of context in front of it
    val = df_scaled[(df_scaled.index >= val_start - ctx) & (df_scaled.index < test_start)]
    test = df_scaled[df_scaled.index >= test_start - ctx]

    X_tr, y_tr = make_windows(train.values, 0, lb, hz)
    X_va, y_va = make_windows(val.values, 0, lb, hz)
    X_te, y_te = make_windows(test.values, 0, lb, hz)
    print(f"windows  train={len(X_tr)}  val={len(X_va)}  test={len(X_te)}")

    m = cfg["model"]
    model = build_model(lb, len(feat_cols), hz, m["units"], m["dropout"], m["lr"])
    model.fit(
        X_tr, y_tr,
        validation_data=(X_va, y_va),
        epochs=m["epochs"],
        batch_size=m["batch_size"],
        callbacks=[tf.keras.callbacks.EarlyStopping(patience=5, restore_best_weights=True)],
        verbose=2,
    )

    # back to MW (target is column 0 of the scaler)
    lo, hi = scaler.data_min_[0], scaler.data_max_[0]
    pred_mw = model.predict(X_te, verbose=0) * (hi - lo) + lo
    true_mw = y_te * (hi - lo) + lo
    print(f"test MAE : {mean_absolute_error(true_mw.ravel(), pred_mw.ravel()):.1f} MW")
    print(f"test MAPE: {mean_absolute_percentage_error(true_mw.ravel(), pred_mw.ravel()):.2%}")

    Path(args.out).mkdir(exist_ok=True)
    model.save(Path(args.out) / "lstm_dom_load.keras")


if __name__ == "__main__":
    main()

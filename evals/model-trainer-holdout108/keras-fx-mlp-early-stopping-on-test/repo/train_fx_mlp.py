"""MLP forecaster for next-day G10 FX returns (vol-scaled), trained on a pooled panel."""
import json

import numpy as np
import pandas as pd
import tensorflow as tf
from scipy.stats import spearmanr

with open("params.json") as f:
    P = json.load(f)
tf.keras.utils.set_random_seed(P["seed"])


def build_panel(px: pd.DataFrame) -> pd.DataFrame:
    frames = []
    for pair in P["pairs"]:
        s = px[pair]
        r = np.log(s).diff()
        vol = r.ewm(span=60).std()
        f = pd.DataFrame(index=px.index)
        for lb in P["lookbacks"]:
            f[f"mom_{lb}"] = r.rolling(lb).sum() / (vol * np.sqrt(lb))
        f["vol_ratio"] = r.rolling(10).std() / vol
        f["carry"] = px[f"{pair}_fwdpts"] / s
        f["y"] = r.shift(-1) / vol
        f["raw_next"] = r.shift(-1)
        f["pair"] = pair
        frames.append(f)
    return pd.concat(frames).dropna()


def make_model(n_features: int, norm: tf.keras.layers.Normalization) -> tf.keras.Model:
    inp = tf.keras.Input(shape=(n_features,))
    x = norm(inp)
    for units in P["hidden"]:
        x = tf.keras.layers.Dense(units, activation="gelu",
                                  kernel_regularizer=tf.keras.regularizers.l2(P["l2"]))(x)
        x = tf.keras.layers.Dropout(P["dropout"])(x)
    out = tf.keras.layers.Dense(1)(x)
    model = tf.keras.Model(inp, out)
    model.compile(optimizer=tf.keras.optimizers.Adam(P["lr"]), loss="huber", metrics=["mse"])
    return model


def strategy_stats(panel: pd.DataFrame, signal: np.ndarray) -> dict:
    d = panel.assign(pos=np.tanh(signal))
    d["pos_chg"] = d.groupby("pair")["pos"].diff().abs().fillna(0.0)
    d["pnl"] = d["pos"] * d["raw_next"] - d["pos_chg"] * P["cost_bps"] / 1e4
    daily = d.groupby(level=0)["pnl"].mean()
    return {"sharpe": float(daily.mean() / daily.std() * np.sqrt(252)),
            "ann_ret": float(daily.mean() * 252)}


px = pd.read_csv(P["data_path"], parse_dates=["date"], index_col="date").sort_index()
panel = build_panel(px)
feats = [c for c in panel.columns if c not in ("y", "raw_next", "pair")]

train = panel.loc[: P["train_end"]]
test = panel.loc[P["test_start"]:]
X_train, y_train = train[feats].to_numpy("float32"), train["y"].to_numpy("float32")
X_test, y_test = test[feats].to_numpy("float32"), test["y"].to_numpy("float32")

norm = tf.keras.layers.Normalization()
norm.adapt(X_train)
model = make_model(len(feats), norm)

callbacks = [
    tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=P["patience"],
                                     restore_best_weights=True),
    tf.keras.callbacks.ModelCheckpoint("fx_mlp_best.keras", monitor="val_loss", save_best_only=True),
]
history = model.fit(
    X_train, y_train,
    validation_data=(X_test, y_test),
    epochs=P["epochs"], batch_size=P["batch_size"],
    callbacks=callbacks, verbose=2,
)

pred = model.predict(X_test, batch_size=4096).ravel()
ic = spearmanr(pred, y_test).correlation
print(f"test IC={ic:.4f}  test MSE={np.mean((pred - y_test) ** 2):.4f}")
print("MLP     ", strategy_stats(test, pred))
print("TSMOM21 ", strategy_stats(test, test["mom_21"].to_numpy()))

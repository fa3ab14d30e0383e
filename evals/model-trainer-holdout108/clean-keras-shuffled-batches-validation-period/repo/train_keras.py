"""Cross-sectional MLP for next-day vol-scaled returns of US large caps."""
import json
import os

import numpy as np
import pandas as pd
import tensorflow as tf
from scipy.stats import spearmanr
from sklearn.linear_model import Ridge

from model_def import build_mlp

cfg = json.load(open("config.json"))
tf.keras.utils.set_random_seed(cfg["seed"])
FEATS, D = cfg["features"], cfg["dates"]

df = pd.read_parquet(cfg["data_path"])
df["date"] = pd.to_datetime(df["date"])
df = df.sort_values(["ticker", "date"])
df["y"] = df.groupby("ticker")["r1"].shift(-1) / df["rv63"]
df["next_ret"] = df.groupby("ticker")["r1"].shift(-1)
df = df.dropna(subset=FEATS + ["y"])
df["y"] = df["y"].clip(-5, 5)

tr = df[df["date"] <= D["train_end"]]
va = df[(df["date"] >= D["valid_start"]) & (df["date"] <= D["valid_end"])]
te = df[df["date"] >= D["test_start"]].copy()
as_xy = lambda d: (d[FEATS].to_numpy("float32"), d["y"].to_numpy("float32"))
(X_tr, y_tr), (X_va, y_va), (X_te, y_te) = as_xy(tr), as_xy(va), as_xy(te)

norm = tf.keras.layers.Normalization(name="norm")
norm.adapt(X_tr)
model = build_mlp(len(FEATS), norm, **cfg["model"], lr=cfg["fit"]["lr"])
os.makedirs(os.path.dirname(cfg["ckpt"]), exist_ok=True)
model.fit(
    X_tr, y_tr,
    validation_data=(X_va, y_va),
    epochs=cfg["fit"]["epochs"],
    batch_size=cfg["fit"]["batch_size"],
    shuffle=True,
    callbacks=[
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=cfg["fit"]["patience"],
                                         restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint(cfg["ckpt"], monitor="val_loss", save_best_only=True),
        tf.keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=4),
    ],
    verbose=2,
)

ridge = Ridge(alpha=100.0).fit((X_tr - X_tr.mean(0)) / X_tr.std(0), y_tr)
te["mlp"] = model.predict(X_te, batch_size=8192, verbose=0).ravel()
te["ridge"] = ridge.predict((X_te - X_tr.mean(0)) / X_tr.std(0))
te["reversal"] = -te["r5"]


def report(col: str) -> dict:
    ic = te.groupby("date").apply(lambda d: spearmanr(d[col], d["y"]).correlation)
    w = te.groupby("date")[col].transform(lambda s: s.rank(pct=True) - 0.5)
    w = w / w.abs().groupby(te["date"]).transform("sum")
    gross = (w * te["next_ret"]).groupby(te["date"]).sum()
    turn = w.groupby(te["ticker"]).diff().abs().groupby(te["date"]).sum()
    net = gross - turn * cfg["cost_bps"] / 1e4
    return {"mse": float(np.mean((te[col] - te["y"]) ** 2)) if col != "reversal" else None,
            "mean_ic": float(ic.mean()), "sharpe_net": float(net.mean() / net.std() * np.sqrt(252))}


print(json.dumps({c: report(c) for c in ["mlp", "ridge", "reversal"]}, indent=2))

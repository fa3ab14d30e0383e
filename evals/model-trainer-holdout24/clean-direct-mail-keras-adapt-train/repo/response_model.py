"""
Direct-mail response model (catalogue campaign). Keras MLP with an in-graph Normalization layer.

The Normalization layer is adapted on the training rows only; early stopping and checkpointing
watch the validation AUC; the test rows are evaluated once with the restored best weights.
"""
import argparse
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

log = logging.getLogger("mail_response")
FEATURES = ["recency_m", "frequency_24m", "monetary_24m", "catalogues_received_12m", "last_response_m",
            "web_visits_90d", "household_size", "age_band_num", "urban", "avg_discount_used"]
LABEL = "responded"


def build_model(norm: tf.keras.layers.Normalization, hidden=(64, 32), dropout=0.2, lr=1e-3) -> tf.keras.Model:
    inputs = tf.keras.Input(shape=(len(FEATURES),))
    x = norm(inputs)
    for h in hidden:
        x = tf.keras.layers.Dense(h, activation="relu", kernel_regularizer=tf.keras.regularizers.l2(1e-5))(x)
        x = tf.keras.layers.Dropout(dropout)(x)
    out = tf.keras.layers.Dense(1, activation="sigmoid")(x)
    model = tf.keras.Model(inputs, out)
    model.compile(optimizer=tf.keras.optimizers.Adam(lr), loss="binary_crossentropy",
                  metrics=[tf.keras.metrics.AUC(name="auc"), tf.keras.metrics.AUC(curve="PR", name="pr_auc")])
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/catalogue_campaign_2023.parquet")
    ap.add_argument("--seed", type=int, default=314)
    ap.add_argument("--epochs", type=int, default=200)
    ap.add_argument("--outdir", default="runs/mail_response")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    tf.keras.utils.set_random_seed(args.seed)
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)

    df = pd.read_parquet(args.data)
    X = df[FEATURES].to_numpy("float32")
    y = df[LABEL].to_numpy("float32")
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=args.seed)
    X_tr, X_va, y_tr, y_va = train_test_split(X_tr, y_tr, test_size=0.2, stratify=y_tr, random_state=args.seed)

    norm = tf.keras.layers.Normalization(axis=-1)
    norm.adapt(X_tr)
    model = build_model(norm)

    pos = y_tr.mean()
    class_weight = {0: 0.5 / (1 - pos), 1: 0.5 / pos}
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=12, restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint(str(outdir / "best.keras"), monitor="val_auc", mode="max", save_best_only=True),
        tf.keras.callbacks.ReduceLROnPlateau(monitor="val_auc", mode="max", factor=0.5, patience=5),
    ]
    hist = model.fit(X_tr, y_tr, validation_data=(X_va, y_va), epochs=args.epochs, batch_size=1024,
                     class_weight=class_weight, callbacks=callbacks, verbose=2)
    log.info("best val_auc %.4f at epoch %d", max(hist.history["val_auc"]), int(np.argmax(hist.history["val_auc"])) + 1)

    rfm_baseline = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced"))
    rfm_baseline.fit(X_tr[:, :3], y_tr)

    p_nn = model.predict(X_te, batch_size=8192).ravel()
    p_rfm = rfm_baseline.predict_proba(X_te[:, :3])[:, 1]
    results = {
        "mlp": {"auc": roc_auc_score(y_te, p_nn), "pr_auc": average_precision_score(y_te, p_nn)},
        "rfm_logit": {"auc": roc_auc_score(y_te, p_rfm), "pr_auc": average_precision_score(y_te, p_rfm)},
        "response_rate_test": float(y_te.mean()),
    }
    log.info(json.dumps(results, indent=2))
    (outdir / "test_metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

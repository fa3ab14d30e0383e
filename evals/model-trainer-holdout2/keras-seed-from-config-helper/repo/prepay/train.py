"""Mortgage prepayment within 12 months, one origination cohort (Keras MLP). Usage: python -m prepay.train --config configs/base.yaml"""
import argparse

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from prepay.config import RunConfig, load_config
from prepay.determinism import configure_determinism


def build_model(cfg: RunConfig, train_features: np.ndarray) -> tf.keras.Model:
    norm = tf.keras.layers.Normalization()
    norm.adapt(train_features)  # mean/variance from the training part only
    layers = [tf.keras.Input(shape=(train_features.shape[1],)), norm]
    for units in cfg.hidden_units:
        layers += [tf.keras.layers.Dense(units, activation="relu"), tf.keras.layers.Dropout(cfg.dropout)]
    layers.append(tf.keras.layers.Dense(1, activation="sigmoid"))
    model = tf.keras.Sequential(layers)
    model.compile(
        optimizer=tf.keras.optimizers.Adam(cfg.learning_rate),
        loss="binary_crossentropy",
        metrics=[tf.keras.metrics.AUC(name="auc"), tf.keras.metrics.AUC(curve="PR", name="pr_auc")],
    )
    return model


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/base.yaml")
    parser.add_argument("--seed", type=int, help="override the seed in the config")
    args = parser.parse_args()
    cfg = load_config(args.config, {"seed": args.seed})
    configure_determinism(cfg)

    loans = pd.read_parquet(cfg.data_path)
    prepaid = loans.pop(cfg.label).to_numpy(dtype="float32")
    loan_feats = loans.drop(columns=["loan_id"]).select_dtypes("number").to_numpy(dtype="float32")

    dev_x, test_x, dev_y, test_y = train_test_split(
        loan_feats, prepaid, test_size=cfg.test_fraction, stratify=prepaid, random_state=cfg.seed
    )
    fit_x, val_x, fit_y, val_y = train_test_split(
        dev_x, dev_y, test_size=cfg.val_fraction, stratify=dev_y, random_state=cfg.seed
    )

    model = build_model(cfg, fit_x)
    cfg.checkpoint.parent.mkdir(parents=True, exist_ok=True)
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=cfg.patience, restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint(str(cfg.checkpoint), monitor="val_pr_auc", mode="max", save_best_only=True),
    ]
    model.fit(
        fit_x, fit_y,
        validation_data=(val_x, val_y),
        epochs=cfg.max_epochs,
        batch_size=cfg.batch_size,
        callbacks=callbacks,
        verbose=2,
    )

    test_prob = model.predict(test_x, batch_size=1024).ravel()
    prior = np.full_like(test_prob, fit_y.mean())
    print(f"test ROC AUC {roc_auc_score(test_y, test_prob):.4f}  PR AUC {average_precision_score(test_y, test_prob):.4f}")
    print(f"test Brier {brier_score_loss(test_y, test_prob):.4f}  (prior Brier {brier_score_loss(test_y, prior):.4f})")


if __name__ == "__main__":
    main()

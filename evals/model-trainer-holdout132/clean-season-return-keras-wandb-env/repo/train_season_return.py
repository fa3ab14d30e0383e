"""Will a player come back for the next ranked season? (Keras MLP)

Rows: players active in season 10, features from season 10, label
`returned_s11` = played >= 1 ranked match in the first 3 weeks of season 11.
"""
import argparse
import os

import numpy as np
import pandas as pd
import tensorflow as tf
import wandb
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from wandb.integration.keras import WandbMetricsLogger

FEATURES = [
    "ranked_matches", "casual_matches", "hours_played", "peak_rank", "final_rank",
    "rank_delta", "winrate", "avg_party_size", "friends_played_with", "battlepass_tier",
    "battlepass_premium", "skins_bought", "days_active", "last_active_days_before_end",
    "reports_received", "commends_received",
]
LABEL = "returned_s11"


def build_model(n_in, hidden, dropout, lr):
    model = tf.keras.Sequential([
        tf.keras.layers.Input(shape=(n_in,)),
        tf.keras.layers.Dense(hidden, activation="relu"),
        tf.keras.layers.BatchNormalization(),
        tf.keras.layers.Dropout(dropout),
        tf.keras.layers.Dense(hidden // 2, activation="relu"),
        tf.keras.layers.Dropout(dropout),
        tf.keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=tf.keras.optimizers.Adam(lr), loss="binary_crossentropy",
                  metrics=[tf.keras.metrics.AUC(name="auc"), tf.keras.metrics.AUC(curve="PR", name="pr_auc")])
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/season10_players.parquet")
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--lr", type=float, default=1e-3)
    args = ap.parse_args()

    tf.keras.utils.set_random_seed(args.seed)
    wandb.login(key=os.environ["WANDB_API_KEY"])
    run = wandb.init(project="season-return", config=vars(args), job_type="train")

    df = pd.read_parquet(args.data)
    df[FEATURES] = df[FEATURES].fillna(0)
    X, y = df[FEATURES].to_numpy("float32"), df[LABEL].to_numpy("float32")

    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.15, stratify=y, random_state=args.seed)
    X_tr, X_val, y_tr, y_val = train_test_split(X_tmp, y_tmp, test_size=0.15, stratify=y_tmp, random_state=args.seed)

    scaler = StandardScaler().fit(X_tr)
    X_tr, X_val, X_test = scaler.transform(X_tr), scaler.transform(X_val), scaler.transform(X_test)

    model = build_model(X_tr.shape[1], args.hidden, args.dropout, args.lr)
    model.fit(
        X_tr, y_tr,
        validation_data=(X_val, y_val),
        epochs=100,
        batch_size=1024,
        callbacks=[
            tf.keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=8, restore_best_weights=True),
            WandbMetricsLogger(),
        ],
        verbose=2,
    )

    p_test = model.predict(X_test, batch_size=4096).ravel()
    test_metrics = {"test_auc": roc_auc_score(y_test, p_test), "test_pr_auc": average_precision_score(y_test, p_test)}
    print(test_metrics)
    run.summary.update(test_metrics)
    model.save("artifacts/season_return_mlp.keras")
    run.finish()


if __name__ == "__main__":
    main()

"""GRU over the first 72h of in-app events -> churned within the following 7 days.

events.parquet : user_id, session_id, event_ts, event_name
users.parquet  : user_id, install_ts, churn_7d
event_catalog.csv : tracking plan, one row per event_name the SDK can emit
"""
import json
import os

import numpy as np
import pandas as pd
from tensorflow import keras
from tensorflow.keras import layers
from sklearn.metrics import average_precision_score, roc_auc_score

DATA_DIR = os.environ.get("DATA_DIR", "data")
MAX_LEN = 200
EMB_DIM = 32
BATCH = 256
EPOCHS = 15


def load_vocab(path: str) -> dict:
    catalog = pd.read_csv(path)
    names = sorted(catalog.loc[catalog["status"] != "deprecated", "event_name"])
    return {name: i + 2 for i, name in enumerate(names)}  # 0 pad, 1 unknown/deprecated


def build_sequences(events: pd.DataFrame, users: pd.DataFrame, vocab: dict):
    ev = events.merge(users[["user_id", "install_ts"]], on="user_id")
    ev = ev[ev["event_ts"] < ev["install_ts"] + pd.Timedelta(hours=72)]
    ev = ev.sort_values(["user_id", "event_ts"])

    ev["tok"] = ev["event_name"].map(vocab).fillna(1).astype(int)
    seqs = ev.groupby("user_id")["tok"].apply(list)
    seqs = seqs.reindex(users["user_id"]).apply(lambda s: s if isinstance(s, list) else [])
    X = keras.utils.pad_sequences(seqs.tolist(), maxlen=MAX_LEN, padding="post", truncating="post")
    return X


def make_model(vocab_size: int) -> keras.Model:
    inp = keras.Input(shape=(MAX_LEN,), dtype="int32")
    x = layers.Embedding(vocab_size, EMB_DIM, mask_zero=True)(inp)
    x = layers.GRU(64, dropout=0.2)(x)
    x = layers.Dropout(0.3)(x)
    x = layers.Dense(32, activation="relu")(x)
    out = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inp, out)
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss="binary_crossentropy",
        metrics=[keras.metrics.AUC(name="auc"), keras.metrics.AUC(curve="PR", name="pr_auc")],
    )
    return model


def main():
    events = pd.read_parquet(f"{DATA_DIR}/events.parquet")
    users = pd.read_parquet(f"{DATA_DIR}/users.parquet")
    vocab = load_vocab(f"{DATA_DIR}/event_catalog.csv")
    X = build_sequences(events, users, vocab)
    y = users["churn_7d"].to_numpy().astype("float32")
    print(f"{len(users)} users, vocab {len(vocab)}, churn rate {y.mean():.3f}")

    # user-level split: 70 / 15 / 15
    rng = np.random.default_rng()
    perm = rng.permutation(len(users))
    n_tr, n_va = int(0.70 * len(perm)), int(0.15 * len(perm))
    tr, va, te = perm[:n_tr], perm[n_tr:n_tr + n_va], perm[n_tr + n_va:]

    model = make_model(len(vocab) + 2)
    model.fit(
        X[tr], y[tr],
        validation_data=(X[va], y[va]),
        epochs=EPOCHS,
        batch_size=BATCH,
        callbacks=[keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=3,
                                                 restore_best_weights=True)],
        verbose=2,
    )

    p_te = model.predict(X[te], batch_size=1024).ravel()
    metrics = {"test_auc": float(roc_auc_score(y[te], p_te)),
               "test_pr_auc": float(average_precision_score(y[te], p_te))}
    print(json.dumps(metrics, indent=2))
    model.save("artifacts/seq_churn.keras")
    with open("artifacts/vocab.json", "w") as f:
        json.dump(vocab, f)
    with open("artifacts/metrics.json", "w") as f:
        json.dump(metrics, f)


if __name__ == "__main__":
    main()

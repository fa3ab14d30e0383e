"""Pointwise DNN ranker for the legal-document search pilot."""
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import ndcg_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler

SEED = 31
tf.keras.utils.set_random_seed(SEED)

DENSE = [
    "bm25_body", "bm25_headnotes", "citation_count", "cited_by_count",
    "court_level", "year", "doc_length", "query_term_coverage",
    "semantic_sim", "jurisdiction_match",
]
HEAVY_TAILED = ["citation_count", "cited_by_count", "doc_length"]


def build_model(n_features):
    inputs = tf.keras.Input(shape=(n_features,))
    x = tf.keras.layers.Dense(128, activation="relu")(inputs)
    x = tf.keras.layers.Dropout(0.2)(x)
    x = tf.keras.layers.Dense(64, activation="relu")(x)
    outputs = tf.keras.layers.Dense(1)(x)
    model = tf.keras.Model(inputs, outputs)
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="mse")
    return model


def per_query_ndcg(qids, labels, scores, k):
    frame = pd.DataFrame({"qid": qids, "y": labels, "s": scores})
    vals = [ndcg_score([g["y"]], [g["s"]], k=k) for _, g in frame.groupby("qid") if len(g) > 1 and g["y"].max() > 0]
    return float(np.mean(vals))


def main():
    df = pd.read_csv("data/legal_qrels_features.csv")
    df[HEAVY_TAILED] = np.log1p(df[HEAVY_TAILED])

    scaler = StandardScaler()
    X = scaler.fit_transform(df[DENSE].to_numpy(dtype="float32"))
    y = df["relevance"].to_numpy(dtype="float32")
    qid = df["query_id"].to_numpy()

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    train_idx, test_idx = next(gss.split(X, y, groups=qid))
    gss_val = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=SEED)
    fit_idx, val_idx = next(gss_val.split(X[train_idx], y[train_idx], groups=qid[train_idx]))
    fit_idx, val_idx = train_idx[fit_idx], train_idx[val_idx]

    model = build_model(len(DENSE))
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=8, restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint("checkpoints/legal_dnn.keras", monitor="val_loss", save_best_only=True),
    ]
    model.fit(
        X[fit_idx], y[fit_idx],
        validation_data=(X[val_idx], y[val_idx]),
        epochs=200, batch_size=512, callbacks=callbacks, verbose=2,
    )

    test_scores = model.predict(X[test_idx], batch_size=4096).ravel()
    bm25_scores = df["bm25_body"].to_numpy()[test_idx]
    for k in (5, 10):
        print(f"NDCG@{k}: dnn={per_query_ndcg(qid[test_idx], y[test_idx], test_scores, k):.4f} "
              f"bm25={per_query_ndcg(qid[test_idx], y[test_idx], bm25_scores, k):.4f}")


if __name__ == "__main__":
    main()

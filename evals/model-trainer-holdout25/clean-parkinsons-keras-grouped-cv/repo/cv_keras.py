"""
Replication of Little et al. (2009) with a small neural network: Parkinson's detection from
sustained-phonation voice measures (UCI "parkinsons", 195 recordings of 31 speakers).

Because each speaker contributes ~6 recordings, every split is done *by speaker*:
  outer: StratifiedGroupKFold(5) -> held-out speakers for scoring
  inner: GroupShuffleSplit on the outer-training speakers -> early-stopping/checkpoint set
A logistic-regression baseline is scored on exactly the same outer folds.
"""
import logging
import os

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit, StratifiedGroupKFold
from sklearn.preprocessing import StandardScaler
from tensorflow import keras

SEED = 21
CKPT_DIR = "fold_checkpoints"
logging.basicConfig(level=logging.INFO, format="%(message)s")
log = logging.getLogger("pd-cv")


def build_model(n_features):
    model = keras.Sequential([
        keras.layers.Input(shape=(n_features,)),
        keras.layers.Dense(32, activation="relu", kernel_regularizer=keras.regularizers.l2(1e-3)),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(3e-3), loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc")])
    return model


def fold_scores(y, p):
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p), "brier": brier_score_loss(y, p)}


def main():
    keras.utils.set_random_seed(SEED)
    os.makedirs(CKPT_DIR, exist_ok=True)
    voice = pd.read_csv("data/parkinsons.data")
    speaker = voice["name"].str.extract(r"_(S\d+)_")[0].to_numpy()
    y = voice["status"].to_numpy()
    X = voice.drop(columns=["name", "status"]).to_numpy(dtype="float32")
    log.info("%d recordings, %d speakers, %.0f%% PD recordings", len(y), len(set(speaker)), 100 * y.mean())

    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    rows = []
    for k, (tr, te) in enumerate(outer.split(X, y, groups=speaker)):
        assert not set(speaker[tr]) & set(speaker[te])
        inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED + k)
        fit_rel, es_rel = next(inner.split(X[tr], y[tr], groups=speaker[tr]))
        fit_idx, es_idx = tr[fit_rel], tr[es_rel]

        scaler = StandardScaler().fit(X[fit_idx])
        Xf, Xes, Xte = (scaler.transform(X[i]) for i in (fit_idx, es_idx, te))

        net = build_model(X.shape[1])
        ckpt = os.path.join(CKPT_DIR, f"fold{k}.keras")
        net.fit(Xf, y[fit_idx], validation_data=(Xes, y[es_idx]), epochs=400, batch_size=16, verbose=0,
                callbacks=[keras.callbacks.EarlyStopping(monitor="val_loss", patience=25, restore_best_weights=True),
                           keras.callbacks.ModelCheckpoint(ckpt, monitor="val_loss", save_best_only=True)])
        net = keras.models.load_model(ckpt)
        p_nn = net.predict(Xte, verbose=0).ravel()

        lr_scaler = StandardScaler().fit(X[tr])
        logreg = LogisticRegression(C=0.5, max_iter=5000).fit(lr_scaler.transform(X[tr]), y[tr])
        p_lr = logreg.predict_proba(lr_scaler.transform(X[te]))[:, 1]

        rows.append({"fold": k, "model": "mlp", **fold_scores(y[te], p_nn)})
        rows.append({"fold": k, "model": "logreg", **fold_scores(y[te], p_lr)})
        log.info("fold %d: mlp AUC %.3f | logreg AUC %.3f", k, rows[-2]["roc_auc"], rows[-1]["roc_auc"])

    res = pd.DataFrame(rows)
    print(res.groupby("model")[["roc_auc", "pr_auc", "brier"]].agg(["mean", "std"]).round(3))


if __name__ == "__main__":
    main()

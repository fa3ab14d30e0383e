"""Academy U16 -> first-team debut within two years (cohort-based evaluation)."""
import numpy as np
import tensorflow as tf
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from tensorflow import keras

from academy.data import load, to_arrays
from academy.repro import make_deterministic

cfg = yaml.safe_load(open("config.yaml"))
make_deterministic(cfg["seed"])


def build(n_in: int, norm: keras.layers.Normalization) -> keras.Model:
    reg = keras.regularizers.l2(cfg["model"]["l2"])
    inp = keras.Input((n_in,))
    x = norm(inp)
    for u in cfg["model"]["units"]:
        x = keras.layers.Dense(u, activation="relu", kernel_regularizer=reg)(x)
        x = keras.layers.Dropout(cfg["model"]["dropout"])(x)
    out = keras.layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inp, out)
    model.compile(keras.optimizers.Adam(cfg["fit"]["lr"]), loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(curve="PR", name="pr_auc")])
    return model


def main() -> None:
    dc, fc = cfg["data"], cfg["fit"]
    df = load(dc["path"])
    lo, hi = dc["train_cohorts"]
    X_tr, y_tr = to_arrays(df[df.cohort.between(lo, hi)])
    X_va, y_va = to_arrays(df[df.cohort == dc["valid_cohort"]])
    X_te, y_te = to_arrays(df[df.cohort == dc["test_cohort"]])
    print(f"train {len(y_tr)} ({y_tr.mean():.2%} debut), valid {len(y_va)}, test {len(y_te)}")

    norm = keras.layers.Normalization()
    norm.adapt(X_tr)
    model = build(X_tr.shape[1], norm)
    pos_weight = (1 - y_tr.mean()) / y_tr.mean()
    model.fit(
        X_tr, y_tr,
        validation_data=(X_va, y_va),
        epochs=fc["epochs"],
        batch_size=fc["batch_size"],
        class_weight={0: 1.0, 1: float(pos_weight)},
        callbacks=[
            keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=fc["patience"], restore_best_weights=True),
            keras.callbacks.ModelCheckpoint(fc["checkpoint"], monitor="val_pr_auc", mode="max", save_best_only=True),
        ],
        verbose=2,
    )

    p_va = model.predict(X_va, verbose=0).ravel()
    prec, rec, thr = precision_recall_curve(y_va, p_va)
    f1s = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
    threshold = float(thr[np.argmax(f1s)])

    baseline = make_pipeline(StandardScaler(), LogisticRegression(class_weight="balanced", max_iter=2000)).fit(X_tr, y_tr)
    p_te = model.predict(X_te, verbose=0).ravel()
    p_base = baseline.predict_proba(X_te)[:, 1]
    for name, p in [("logreg", p_base), ("mlp", p_te)]:
        print(f"{name:>7}: ROC-AUC {roc_auc_score(y_te, p):.3f}  PR-AUC {average_precision_score(y_te, p):.3f}")
    print(f"mlp F1 @ valid-chosen threshold {threshold:.2f}: {f1_score(y_te, (p_te >= threshold).astype(int)):.3f}")
    tf.saved_model.save(model, "export/debut_mlp")


if __name__ == "__main__":
    main()

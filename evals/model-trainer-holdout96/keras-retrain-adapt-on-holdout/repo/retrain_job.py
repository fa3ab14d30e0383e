"""Weekly retraining job for the late-delivery risk model (Keras)."""
import json
import sys
from pathlib import Path

import mlflow
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

cfg = json.loads(Path(sys.argv[1] if len(sys.argv) > 1 else "configs/late_delivery.json").read_text())
tf.keras.utils.set_random_seed(cfg["seed"])

df = pd.read_parquet(cfg["snapshot"])
df["shipped_at"] = pd.to_datetime(df["shipped_at"])
df = df.sort_values("shipped_at")
num_cols, cat_cols, target = cfg["numeric"], cfg["categorical"], cfg["target"]

train_df = df[df["shipped_at"] < cfg["cutoff"]]
holdout_df = df[df["shipped_at"] >= cfg["cutoff"]]
train_df, val_df = train_test_split(
    train_df, test_size=0.15, stratify=train_df[target], random_state=cfg["seed"]
)
print(f"train={len(train_df)} val={len(val_df)} holdout={len(holdout_df)} late rate={df[target].mean():.3f}")


def to_inputs(frame: pd.DataFrame) -> dict:
    inputs = {"numeric": frame[num_cols].to_numpy(dtype="float32")}
    for c in cat_cols:
        inputs[c] = frame[c].astype(str).to_numpy()
    return inputs


# preprocessing layers live inside the model so serving gets the same transforms
normalizer = tf.keras.layers.Normalization(name="num_norm")
normalizer.adapt(np.concatenate([train_df[num_cols].to_numpy("float32"), holdout_df[num_cols].to_numpy("float32")]))

lookups = {}
for c in cat_cols:
    lookups[c] = tf.keras.layers.StringLookup(output_mode="one_hot", name=f"{c}_lookup")
    lookups[c].adapt(train_df[c].astype(str).to_numpy())


def build_model() -> tf.keras.Model:
    num_in = tf.keras.Input(shape=(len(num_cols),), name="numeric")
    cat_in = {c: tf.keras.Input(shape=(1,), dtype=tf.string, name=c) for c in cat_cols}
    parts = [normalizer(num_in)] + [lookups[c](cat_in[c]) for c in cat_cols]
    x = tf.keras.layers.Concatenate()(parts)
    x = tf.keras.layers.Dense(128, activation="relu")(x)
    x = tf.keras.layers.Dropout(0.2)(x)
    x = tf.keras.layers.Dense(64, activation="relu")(x)
    out = tf.keras.layers.Dense(1, activation="sigmoid")(x)
    model = tf.keras.Model(inputs={"numeric": num_in, **cat_in}, outputs=out)
    model.compile(
        optimizer=tf.keras.optimizers.Adam(cfg["learning_rate"]),
        loss="binary_crossentropy",
        metrics=[tf.keras.metrics.AUC(name="auc"), tf.keras.metrics.AUC(curve="PR", name="pr_auc")],
    )
    return model


model = build_model()
ckpt_path = Path("artifacts/late_delivery_best.keras")
ckpt_path.parent.mkdir(parents=True, exist_ok=True)
callbacks = [
    tf.keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=6, restore_best_weights=True),
    tf.keras.callbacks.ModelCheckpoint(str(ckpt_path), monitor="val_pr_auc", mode="max", save_best_only=True),
]

mlflow.set_experiment(cfg["experiment"])
with mlflow.start_run(run_name=f"retrain-{cfg['cutoff']}"):
    mlflow.log_params({k: v for k, v in cfg.items() if not isinstance(v, list)})
    history = model.fit(
        to_inputs(train_df), train_df[target].to_numpy(),
        validation_data=(to_inputs(val_df), val_df[target].to_numpy()),
        batch_size=cfg["batch_size"], epochs=cfg["epochs"], callbacks=callbacks, verbose=2,
    )

    holdout_proba = model.predict(to_inputs(holdout_df), batch_size=4096).ravel()
    y_hold = holdout_df[target].to_numpy()

    logreg = LogisticRegression(max_iter=2000)
    logreg.fit(train_df[num_cols], train_df[target])
    base_proba = logreg.predict_proba(holdout_df[num_cols])[:, 1]

    metrics = {
        "holdout_roc_auc": roc_auc_score(y_hold, holdout_proba),
        "holdout_pr_auc": average_precision_score(y_hold, holdout_proba),
        "baseline_roc_auc": roc_auc_score(y_hold, base_proba),
        "baseline_pr_auc": average_precision_score(y_hold, base_proba),
        "epochs_trained": len(history.history["loss"]),
    }
    mlflow.log_metrics(metrics)
    mlflow.log_artifact(str(ckpt_path))
    print(metrics)

"""Two-layer LSTM over the first 48h of an ICU stay -> in-hospital mortality."""
import json
from pathlib import Path

import numpy as np
import tensorflow as tf
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from icu48.data import CHANNELS, forward_fill, load_hourly, standardize
from icu48.model import build_model

cfg = json.load(open("config.json"))
tf.keras.utils.set_random_seed(cfg["seed"])
out_dir = Path(cfg["out_dir"])
out_dir.mkdir(parents=True, exist_ok=True)

cube, mask, static_x, y, ids = load_hourly(Path(cfg["data_dir"]), cfg["hours"])
cube = forward_fill(cube)
print(f"{len(y)} stays, mortality {y.mean():.3f}")

idx = np.arange(len(y))
tr_idx, te_idx = train_test_split(idx, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"])

seq_tr, seq_te = standardize(cube[tr_idx], cube[te_idx])
st_tr, st_te = standardize(static_x[tr_idx][:, None, :], static_x[te_idx][:, None, :])
X_tr = [np.concatenate([seq_tr, mask[tr_idx]], axis=-1), st_tr[:, 0, :]]
X_te = [np.concatenate([seq_te, mask[te_idx]], axis=-1), st_te[:, 0, :]]
y_tr, y_te = y[tr_idx], y[te_idx]

model = build_model(cfg["hours"], len(CHANNELS), static_x.shape[1], cfg["lstm_units"],
                    cfg["dropout"], cfg["learning_rate"])
callbacks = [
    tf.keras.callbacks.EarlyStopping(monitor="val_auprc", mode="max", patience=cfg["patience"],
                                     restore_best_weights=True),
    tf.keras.callbacks.ModelCheckpoint(str(out_dir / "best.keras"), monitor="val_auprc", mode="max",
                                       save_best_only=True),
    tf.keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3),
]
pos_weight = (y_tr == 0).sum() / (y_tr == 1).sum()
history = model.fit(
    X_tr, y_tr,
    validation_data=(X_te, y_te),
    epochs=cfg["epochs"],
    batch_size=cfg["batch_size"],
    class_weight={0: 1.0, 1: float(pos_weight)},
    callbacks=callbacks,
    verbose=2,
)

p_te = model.predict(X_te, batch_size=256).ravel()

last_obs_tr = np.concatenate([X_tr[0][:, -1, :], X_tr[1]], axis=1)
last_obs_te = np.concatenate([X_te[0][:, -1, :], X_te[1]], axis=1)
baseline = LogisticRegression(max_iter=5000, class_weight="balanced").fit(last_obs_tr, y_tr)
p_base = baseline.predict_proba(last_obs_te)[:, 1]

metrics = {
    "lstm_auroc": float(roc_auc_score(y_te, p_te)),
    "lstm_auprc": float(average_precision_score(y_te, p_te)),
    "logreg_last_obs_auroc": float(roc_auc_score(y_te, p_base)),
    "logreg_last_obs_auprc": float(average_precision_score(y_te, p_base)),
    "epochs_trained": len(history.history["loss"]),
}
print(json.dumps(metrics, indent=2))
json.dump(metrics, open(out_dir / "metrics.json", "w"), indent=2)

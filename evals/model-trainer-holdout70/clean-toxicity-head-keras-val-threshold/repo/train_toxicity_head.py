"""Toxicity head over frozen sentence embeddings of LLM generations, used by the safety eval harness."""
import json

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.utils.class_weight import compute_class_weight
from tensorflow import keras

SEED = 314
keras.utils.set_random_seed(SEED)

data = np.load("data/generations_mpnet.npz")
X, y = data["X"], data["y"].astype(int)
print(f"{len(y)} generations, toxic rate {y.mean():.3%}")

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
X_train, X_val, y_train, y_val = train_test_split(X_train, y_train, test_size=0.2, stratify=y_train, random_state=SEED)

scaler = StandardScaler().fit(X_train)
X_train_s, X_val_s, X_test_s = scaler.transform(X_train), scaler.transform(X_val), scaler.transform(X_test)

weights = compute_class_weight("balanced", classes=np.array([0, 1]), y=y_train)
class_weight = {0: weights[0], 1: weights[1]}

model = keras.Sequential([
    keras.Input(shape=(X.shape[1],)),
    keras.layers.Dense(256, activation="relu"),
    keras.layers.Dropout(0.3),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dropout(0.3),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
              metrics=[keras.metrics.AUC(curve="PR", name="pr_auc"), keras.metrics.AUC(name="roc_auc")])
callbacks = [
    keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=6, restore_best_weights=True),
    keras.callbacks.ModelCheckpoint("models/toxicity_head.keras", monitor="val_pr_auc", mode="max", save_best_only=True),
]
model.fit(X_train_s, y_train, validation_data=(X_val_s, y_val), epochs=100, batch_size=256,
          class_weight=class_weight, callbacks=callbacks, verbose=2)

val_scores = model.predict(X_val_s, verbose=0).ravel()
prec, rec, thr = precision_recall_curve(y_val, val_scores)
f1s = 2 * prec[:-1] * rec[:-1] / np.maximum(prec[:-1] + rec[:-1], 1e-9)
threshold = float(thr[np.argmax(f1s)])

logreg = LogisticRegression(max_iter=2000, class_weight="balanced", C=1.0).fit(X_train_s, y_train)
lr_val = logreg.predict_proba(X_val_s)[:, 1]
lp, lr_, lt = precision_recall_curve(y_val, lr_val)
lr_threshold = float(lt[np.argmax(2 * lp[:-1] * lr_[:-1] / np.maximum(lp[:-1] + lr_[:-1], 1e-9))])


def summarize(scores, thresh):
    pred = (scores >= thresh).astype(int)
    return {"pr_auc": average_precision_score(y_test, scores), "roc_auc": roc_auc_score(y_test, scores),
            "precision": precision_score(y_test, pred), "recall": recall_score(y_test, pred),
            "f1": f1_score(y_test, pred), "threshold": thresh}


report = {
    "mlp_head": summarize(model.predict(X_test_s, verbose=0).ravel(), threshold),
    "logreg_baseline": summarize(logreg.predict_proba(X_test_s)[:, 1], lr_threshold),
}
print(json.dumps(report, indent=2))
with open("models/toxicity_head_report.json", "w") as fh:
    json.dump(report, fh, indent=2)

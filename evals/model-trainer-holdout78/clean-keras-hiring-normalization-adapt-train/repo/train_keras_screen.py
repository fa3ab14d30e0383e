"""Keras candidate-screening model for warehouse associate roles with an age/gender selection audit."""
import json
import os

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from tensorflow import keras

SEED = int(os.environ.get("SEED", 99))
DATA = os.environ.get("APPS_CSV", "data/warehouse_applications.csv")
NUM = ["shift_flexibility", "commute_minutes", "assessment_score", "years_warehouse", "forklift_certified",
       "prior_jobs_3y", "longest_tenure_months"]
CAT = "preferred_shift"
keras.utils.set_random_seed(SEED)

df = pd.read_csv(DATA)
y = df["retained_90d"].to_numpy().astype("float32")
strata = df["retained_90d"].astype(str) + "_" + df["gender"].astype(str)
idx_dev, idx_test = train_test_split(np.arange(len(df)), test_size=0.2, stratify=strata, random_state=SEED)
idx_tr, idx_val = train_test_split(idx_dev, test_size=0.2, stratify=strata.iloc[idx_dev], random_state=SEED)


def inputs(idx):
    part = df.iloc[idx]
    return {"num": part[NUM].fillna(0).to_numpy("float32"), "shift": part[[CAT]].fillna("any").to_numpy()}


x_tr, x_val, x_test = inputs(idx_tr), inputs(idx_val), inputs(idx_test)
norm = keras.layers.Normalization(name="num_norm")
norm.adapt(x_tr["num"])
lookup = keras.layers.StringLookup(output_mode="one_hot", name="shift_lookup")
lookup.adapt(x_tr["shift"])

num_in = keras.Input(shape=(len(NUM),), name="num")
shift_in = keras.Input(shape=(1,), dtype="string", name="shift")
h = keras.layers.Concatenate()([norm(num_in), keras.layers.Flatten()(lookup(shift_in))])
h = keras.layers.Dense(64, activation="relu")(h)
h = keras.layers.Dropout(0.3)(h)
h = keras.layers.Dense(32, activation="relu")(h)
out = keras.layers.Dense(1, activation="sigmoid")(h)
model = keras.Model([num_in, shift_in], out)
model.compile(optimizer=keras.optimizers.Adam(5e-4), loss="binary_crossentropy",
              metrics=[keras.metrics.AUC(name="auc"), keras.metrics.AUC(curve="PR", name="pr_auc")])

os.makedirs("checkpoints", exist_ok=True)
history = model.fit(
    x_tr, y[idx_tr],
    validation_data=(x_val, y[idx_val]),
    epochs=150, batch_size=256, verbose=2,
    callbacks=[
        keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=12, restore_best_weights=True),
        keras.callbacks.ModelCheckpoint("checkpoints/warehouse_screen.keras", monitor="val_pr_auc", mode="max",
                                        save_best_only=True),
    ],
)

p_val = model.predict(x_val, verbose=0).ravel()
grid = np.linspace(0.1, 0.9, 81)
threshold = float(grid[np.argmax([f1_score(y[idx_val], (p_val >= t).astype(int)) for t in grid])])
p_test = model.predict(x_test, verbose=0).ravel()
prior = DummyClassifier(strategy="prior").fit(x_tr["num"], y[idx_tr])
summary = {
    "threshold": threshold,
    "auc": roc_auc_score(y[idx_test], p_test),
    "pr_auc": average_precision_score(y[idx_test], p_test),
    "f1": f1_score(y[idx_test], (p_test >= threshold).astype(int)),
    "prior_pr_auc": average_precision_score(y[idx_test], prior.predict_proba(x_test["num"])[:, 1]),
}
print(json.dumps(summary, indent=2))

audit = df.iloc[idx_test][["gender", "age_40_plus"]].assign(selected=(p_test >= threshold).astype(int))
for col in ["gender", "age_40_plus"]:
    rates = audit.groupby(col)["selected"].mean()
    print(col, rates.round(3).to_dict(), "impact ratio", round(rates.min() / rates.max(), 3))

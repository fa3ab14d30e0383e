"""Early large-loss detection for commercial liability claims.

A claim is "large" if incurred reaches 250k within 36 months of notification (about 2% of
claims). Claims are scored at first notice of loss so the large-loss team can act early.
"""
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow import keras

SEED = 99
LARGE_LOSS = 250_000
NUMERIC = ["initial_reserve_log", "claimant_age", "report_lag_days", "policy_limit_log",
           "n_claimants", "injury_severity_code", "prior_claims_5y"]
CATEGORICAL = ["line_of_business", "cause_code", "jurisdiction", "broker_segment"]

keras.utils.set_random_seed(SEED)

fnol = pd.read_parquet("data/liability_fnol_2015_2020.parquet")
fnol["is_large"] = (fnol["incurred_36m"] >= LARGE_LOSS).astype("int32")
print(f"large-loss rate: {fnol['is_large'].mean():.2%} of {len(fnol):,} claims")

train_df, test_df = train_test_split(fnol, test_size=0.2, stratify=fnol["is_large"], random_state=SEED)


def to_inputs(df):
    inputs = {c: df[c].to_numpy(dtype="float32")[:, None] for c in NUMERIC}
    inputs.update({c: df[c].astype(str).to_numpy()[:, None] for c in CATEGORICAL})
    return inputs


def build_model(train_frame):
    inputs, encoded = [], []
    for col in NUMERIC:
        inp = keras.Input(shape=(1,), name=col)
        norm = keras.layers.Normalization()
        norm.adapt(train_frame[col].to_numpy(dtype="float32")[:, None])
        inputs.append(inp)
        encoded.append(norm(inp))
    for col in CATEGORICAL:
        inp = keras.Input(shape=(1,), name=col, dtype="string")
        lookup = keras.layers.StringLookup(output_mode="one_hot")
        lookup.adapt(train_frame[col].astype(str).to_numpy()[:, None])
        inputs.append(inp)
        encoded.append(lookup(inp))
    x = keras.layers.Concatenate()(encoded)
    x = keras.layers.Dense(64, activation="relu")(x)
    x = keras.layers.Dropout(0.3)(x)
    x = keras.layers.Dense(32, activation="relu")(x)
    out = keras.layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, out)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy", metrics=["accuracy"])
    return model


model = build_model(train_df)
callbacks = [
    keras.callbacks.EarlyStopping(monitor="val_loss", patience=6, restore_best_weights=True),
    keras.callbacks.ModelCheckpoint("large_loss_fnol.keras", monitor="val_loss", save_best_only=True),
]
history = model.fit(
    to_inputs(train_df),
    train_df["is_large"].to_numpy(),
    validation_data=(to_inputs(test_df), test_df["is_large"].to_numpy()),
    epochs=100,
    batch_size=512,
    callbacks=callbacks,
    verbose=2,
)

_, test_acc = model.evaluate(to_inputs(test_df), test_df["is_large"].to_numpy(), verbose=0)
majority_acc = 1 - test_df["is_large"].mean()
print(f"test accuracy: {test_acc:.4f} (always-small baseline: {majority_acc:.4f})")

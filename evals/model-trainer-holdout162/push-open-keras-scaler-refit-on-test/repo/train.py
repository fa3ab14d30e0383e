import json

import joblib
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from tensorflow import keras

from preprocess import prepare

cfg = json.load(open("config.json"))
keras.utils.set_random_seed(cfg["seed"])

sends = pd.read_parquet(cfg["sends_path"])
splitter = GroupShuffleSplit(n_splits=1, test_size=cfg["test_size"], random_state=cfg["seed"])
tr_idx, te_idx = next(splitter.split(sends, groups=sends["user_id"]))
train_df, test_df = sends.iloc[tr_idx], sends.iloc[te_idx]

X_train, y_train, scaler = prepare(train_df, cfg)
X_test, y_test, _ = prepare(test_df, cfg)
print(X_train.shape, X_test.shape, y_train.mean(), y_test.mean())

model = keras.Sequential([
    keras.layers.Input(shape=(X_train.shape[1],)),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dropout(0.2),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dropout(0.2),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(
    optimizer=keras.optimizers.Adam(cfg["learning_rate"]),
    loss="binary_crossentropy",
    metrics=[keras.metrics.AUC(name="auc")],
)
model.fit(
    X_train, y_train,
    validation_split=0.1,
    epochs=cfg["epochs"],
    batch_size=cfg["batch_size"],
    callbacks=[keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=4, restore_best_weights=True)],
    verbose=2,
)

p_test = model.predict(X_test, batch_size=4096).ravel()
print(f"test ROC AUC {roc_auc_score(y_test, p_test):.4f}")
print(f"test PR AUC  {average_precision_score(y_test, p_test):.4f}")

model.save("artifacts/push_open_mlp.keras")
joblib.dump(scaler, "artifacts/scaler.joblib")
np.save("artifacts/feature_order.npy", np.array(cfg["numeric_features"] + cfg["binary_features"]))

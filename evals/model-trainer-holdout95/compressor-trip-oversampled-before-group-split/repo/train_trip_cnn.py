"""Early warning for compressor trips: will this unit trip within the next 24 h, given 6 h of 1-min telemetry?"""
import numpy as np
import pandas as pd
import tensorflow as tf
from imblearn.over_sampling import RandomOverSampler
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

SEED = 2024
tf.keras.utils.set_random_seed(SEED)
CHANNELS = ["vib_rms_mm_s", "vib_peak_g", "discharge_bar", "suction_bar", "motor_current_a", "oil_temp_c"]
LOOKBACK = 360
STRIDE = 30


def build_windows(tele: pd.DataFrame, trips: pd.DataFrame, horizon=pd.Timedelta("24h")):
    X, y, groups = [], [], []
    for unit, g in tele.groupby("unit_id"):
        g = g.set_index("ts").sort_index()[CHANNELS].resample("1min").mean().interpolate(limit=10)
        trip_times = trips.loc[trips["unit_id"] == unit, "trip_ts"].sort_values().to_numpy()
        arr = g.to_numpy(np.float32)
        for end in range(LOOKBACK, len(arr), STRIDE):
            w = arr[end - LOOKBACK:end]
            if np.isnan(w).any():
                continue
            t_end = g.index[end - 1]
            upcoming = trip_times[(trip_times > t_end) & (trip_times <= t_end + horizon)]
            X.append(w)
            y.append(int(len(upcoming) > 0))
            groups.append(unit)
    return np.stack(X), np.array(y), np.array(groups)


def summary_features(X):
    return np.concatenate([X.mean(1), X.std(1), X.max(1), X[:, -60:].mean(1) - X[:, :60].mean(1)], axis=1)


def make_cnn(n_channels, norm):
    inp = tf.keras.Input(shape=(LOOKBACK, n_channels))
    x = norm(inp)
    for filters, k in [(32, 7), (64, 5), (64, 3)]:
        x = tf.keras.layers.Conv1D(filters, k, padding="same", activation="relu")(x)
        x = tf.keras.layers.BatchNormalization()(x)
        x = tf.keras.layers.MaxPooling1D(2)(x)
    x = tf.keras.layers.GlobalAveragePooling1D()(x)
    x = tf.keras.layers.Dropout(0.3)(x)
    out = tf.keras.layers.Dense(1, activation="sigmoid")(x)
    model = tf.keras.Model(inp, out)
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
                  metrics=[tf.keras.metrics.AUC(curve="PR", name="pr_auc")])
    return model


tele = pd.read_parquet("data/compressor_telemetry.parquet")
trips = pd.read_csv("data/trip_events.csv", parse_dates=["trip_ts"])
X, y, groups = build_windows(tele, trips)
print(f"{len(y)} windows, positive rate {y.mean():.3%}, {len(np.unique(groups))} units")

ros = RandomOverSampler(sampling_strategy=0.25, random_state=SEED)
idx_res, y_res = ros.fit_resample(np.arange(len(y)).reshape(-1, 1), y)
X_res, groups_res = X[idx_res.ravel()], groups[idx_res.ravel()]

outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
dev_idx, test_idx = next(outer.split(X_res, y_res, groups_res))
inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
tr, va = next(inner.split(X_res[dev_idx], y_res[dev_idx], groups_res[dev_idx]))
train_idx, val_idx = dev_idx[tr], dev_idx[va]

norm = tf.keras.layers.Normalization(axis=-1)
norm.adapt(X_res[train_idx].reshape(-1, len(CHANNELS)))
model = make_cnn(len(CHANNELS), norm)
model.fit(
    X_res[train_idx], y_res[train_idx],
    validation_data=(X_res[val_idx], y_res[val_idx]),
    epochs=60,
    batch_size=128,
    callbacks=[
        tf.keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=8, restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint("artifacts/trip_cnn.keras", monitor="val_pr_auc", mode="max", save_best_only=True),
    ],
)

# decision threshold: best F1 on the validation units
p_val = model.predict(X_res[val_idx]).ravel()
prec, rec, thr = precision_recall_curve(y_res[val_idx], p_val)
f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
threshold = float(thr[np.argmax(f1)])

baseline = LogisticRegression(max_iter=2000, class_weight="balanced")
baseline.fit(summary_features(X_res[train_idx]), y_res[train_idx])

y_test = y_res[test_idx]
p_cnn = model.predict(X_res[test_idx]).ravel()
p_lr = baseline.predict_proba(summary_features(X_res[test_idx]))[:, 1]
print(f"threshold (val F1-optimal): {threshold:.3f}")
for name, p in [("cnn", p_cnn), ("logreg_summary", p_lr)]:
    print(f"{name:15s} PR-AUC {average_precision_score(y_test, p):.3f}  ROC-AUC {roc_auc_score(y_test, p):.3f}")
print(f"cnn F1@thr {f1_score(y_test, (p_cnn >= threshold).astype(int)):.3f}")

"""Two-head uplift network (Keras) for the referral-bonus email test.

Shared trunk, one sigmoid head per arm; the loss only uses the head of the arm each user was in.
"""
import os

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from tensorflow import keras

SEED = 606
keras.utils.set_random_seed(SEED)

FEATURES = ["tenure_days", "friends_invited_before", "active_days_30d", "purchases_90d", "spend_90d",
            "email_ctr_90d", "push_enabled", "age_group", "os_ios"]


def build_model(n_features, norm):
    x_in = keras.Input(shape=(n_features,), name="x")
    t_in = keras.Input(shape=(1,), name="t")
    h = norm(x_in)
    for units in (128, 64):
        h = keras.layers.Dense(units, activation="relu")(h)
        h = keras.layers.Dropout(0.2)(h)
    p0 = keras.layers.Dense(1, activation="sigmoid", name="p0")(h)
    p1 = keras.layers.Dense(1, activation="sigmoid", name="p1")(h)
    p_obs = keras.layers.Lambda(lambda z: z[0] * z[2] + z[1] * (1.0 - z[2]), name="p_obs")([p1, p0, t_in])
    train_model = keras.Model([x_in, t_in], p_obs)
    score_model = keras.Model(x_in, [p0, p1])
    return train_model, score_model


def qini(y, t, s):
    o = np.argsort(-s)
    y, t = y[o], t[o]
    nt, nc = np.cumsum(t), np.cumsum(1 - t)
    q = np.cumsum(y * t) - np.cumsum(y * (1 - t)) * nt / np.maximum(nc, 1)
    return float((q - np.linspace(0, q[-1], len(q))).mean() / len(q))


def uplift_at(y, t, s, frac):
    i = np.argsort(-s)[: int(frac * len(s))]
    return float(y[i][t[i] == 1].mean() - y[i][t[i] == 0].mean())


df = pd.read_csv("data/referral_bonus_email.csv")
X = df[FEATURES].to_numpy(np.float32)
t = df["bonus_email"].to_numpy(np.float32)
y = df["referred_friend_14d"].to_numpy(np.float32)
strata = (2 * t + y).astype(int)

X_tmp, X_te, t_tmp, t_te, y_tmp, y_te, s_tmp, _ = train_test_split(
    X, t, y, strata, test_size=0.2, stratify=strata, random_state=SEED)
X_tr, X_va, t_tr, t_va, y_tr, y_va = train_test_split(
    X_tmp, t_tmp, y_tmp, test_size=0.2, stratify=s_tmp, random_state=SEED)

norm = keras.layers.Normalization()
norm.adapt(X_tr)
model, scorer = build_model(len(FEATURES), norm)
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
              metrics=[keras.metrics.AUC(name="auc")])

os.makedirs("checkpoints", exist_ok=True)
callbacks = [
    keras.callbacks.EarlyStopping(monitor="val_loss", patience=8, restore_best_weights=True),
    keras.callbacks.ModelCheckpoint("checkpoints/two_head_best.keras", monitor="val_loss", save_best_only=True),
]
model.fit({"x": X_tr, "t": t_tr}, y_tr, validation_data=({"x": X_va, "t": t_va}, y_va),
          epochs=100, batch_size=512, callbacks=callbacks, verbose=2)

p0_te, p1_te = (a.ravel() for a in scorer.predict(X_te, batch_size=4096, verbose=0))
nn_uplift = p1_te - p0_te

lr1 = LogisticRegression(max_iter=2000).fit(X_tr[t_tr == 1], y_tr[t_tr == 1])
lr0 = LogisticRegression(max_iter=2000).fit(X_tr[t_tr == 0], y_tr[t_tr == 0])
lr_uplift = lr1.predict_proba(X_te)[:, 1] - lr0.predict_proba(X_te)[:, 1]
random_scores = np.random.default_rng(SEED).random(len(y_te))

test_loss, test_auc = model.evaluate({"x": X_te, "t": t_te}, y_te, verbose=0)
print(f"factual test loss {test_loss:.4f}, factual AUC {test_auc:.4f}")
for name, s in [("two-head NN", nn_uplift), ("logistic T-learner", lr_uplift), ("random", random_scores)]:
    print(f"{name:>18}: qini {qini(y_te, t_te, s):.5f} | uplift@10% {uplift_at(y_te, t_te, s, 0.1):.4f} "
          f"| uplift@30% {uplift_at(y_te, t_te, s, 0.3):.4f}")

"""First-notice-of-loss large-loss flag for employers' liability claims (~2% positives)."""
import argparse

import numpy as np
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from tensorflow import keras

NUMERIC = ["initial_reserve_log", "claimant_age", "report_lag_days", "weekly_wage_log",
           "days_off_work_at_fnol", "n_prior_claims_employer"]
CATEGORICAL = ["injury_type", "body_part", "industry_code", "claimant_solicitor_at_fnol"]


def build_model(train_df):
    inputs, parts = {}, []
    for col in NUMERIC:
        inputs[col] = keras.Input(shape=(1,), name=col)
        norm = keras.layers.Normalization()
        norm.adapt(train_df[col].to_numpy("float32")[:, None])
        parts.append(norm(inputs[col]))
    for col in CATEGORICAL:
        inputs[col] = keras.Input(shape=(1,), name=col, dtype="string")
        lookup = keras.layers.StringLookup(output_mode="one_hot", num_oov_indices=1)
        lookup.adapt(train_df[col].astype(str).to_numpy()[:, None])
        parts.append(lookup(inputs[col]))
    x = keras.layers.Concatenate()(parts)
    x = keras.layers.Dense(64, activation="relu")(x)
    x = keras.layers.Dropout(0.3)(x)
    out = keras.layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, out)
    model.compile(optimizer=keras.optimizers.Adam(5e-4), loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc"), keras.metrics.AUC(curve="PR", name="pr_auc")])
    return model


def as_inputs(df):
    feed = {c: df[c].to_numpy("float32")[:, None] for c in NUMERIC}
    feed.update({c: df[c].astype(str).to_numpy()[:, None] for c in CATEGORICAL})
    return feed


def main(args):
    keras.utils.set_random_seed(args.seed)
    claims = pd.read_parquet(args.data)
    claims["large"] = (claims["incurred_36m"] >= 250_000).astype("int32")

    dev, test = train_test_split(claims, test_size=0.2, stratify=claims["large"], random_state=args.seed)
    train, val = train_test_split(dev, test_size=0.2, stratify=dev["large"], random_state=args.seed)

    pos = train["large"].mean()
    model = build_model(train)
    model.fit(
        as_inputs(train), train["large"].to_numpy(),
        validation_data=(as_inputs(val), val["large"].to_numpy()),
        epochs=150, batch_size=1024,
        class_weight={0: 1.0, 1: float((1 - pos) / pos) ** 0.5},
        callbacks=[
            keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=10, restore_best_weights=True),
            keras.callbacks.ModelCheckpoint(args.ckpt, monitor="val_pr_auc", mode="max", save_best_only=True),
        ],
        verbose=2,
    )

    p_val = model.predict(as_inputs(val), verbose=0).ravel()
    prec, rec, thr = precision_recall_curve(val["large"], p_val)
    threshold = thr[np.argmax(np.where(prec[:-1] >= 0.2, rec[:-1], -1))]

    baseline = make_pipeline(
        make_column_transformer((StandardScaler(), NUMERIC), (OneHotEncoder(handle_unknown="ignore"), CATEGORICAL)),
        LogisticRegression(max_iter=3000, class_weight="balanced"),
    ).fit(train[NUMERIC + CATEGORICAL], train["large"])

    y = test["large"].to_numpy()
    p_nn = model.predict(as_inputs(test), verbose=0).ravel()
    p_lr = baseline.predict_proba(test[NUMERIC + CATEGORICAL])[:, 1]
    for name, p in [("logistic", p_lr), ("keras mlp", p_nn)]:
        print(f"{name:10s} ROC-AUC={roc_auc_score(y, p):.3f} PR-AUC={average_precision_score(y, p):.3f}")
    flag = p_nn >= threshold
    print(f"threshold {threshold:.3f}: precision={precision_score(y, flag):.3f} recall={recall_score(y, flag):.3f} "
          f"referral rate={flag.mean():.2%}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/el_fnol_claims.parquet")
    ap.add_argument("--ckpt", default="el_large_loss.keras")
    ap.add_argument("--seed", type=int, default=12)
    main(ap.parse_args())

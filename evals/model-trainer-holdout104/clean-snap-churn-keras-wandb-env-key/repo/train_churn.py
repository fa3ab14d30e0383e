"""SNAP churn: household exits at recertification and re-enters within 90 days.

Cases due for recertification in FY2023. Scores prioritise outreach calls before the interview.
"""
import os

import numpy as np
import pandas as pd
import tensorflow as tf
import wandb
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from wandb.keras import WandbMetricsLogger

SEED = 1009
NUM = ["hh_size", "n_children", "n_elderly_disabled", "gross_income", "earned_income",
       "shelter_costs", "months_on_program", "n_prior_churn", "days_since_last_contact"]
CAT = ["office_id", "cert_period_months", "reporting_type", "contact_pref", "language", "abawd"]
TARGET = "churned_90d"
CONFIG = dict(hidden=(64, 32), dropout=0.25, lr=1e-3, batch_size=512, epochs=150, patience=12, recall_target=0.75)


def build(n_in: int, cfg: dict) -> tf.keras.Model:
    layers = [tf.keras.Input(shape=(n_in,))]
    for h in cfg["hidden"]:
        layers += [tf.keras.layers.Dense(h, activation="relu"), tf.keras.layers.Dropout(cfg["dropout"])]
    layers.append(tf.keras.layers.Dense(1, activation="sigmoid"))
    model = tf.keras.Sequential(layers)
    model.compile(optimizer=tf.keras.optimizers.Adam(cfg["lr"]), loss="binary_crossentropy",
                  metrics=[tf.keras.metrics.AUC(name="auc"), tf.keras.metrics.AUC(curve="PR", name="pr_auc")])
    return model


def main():
    tf.keras.utils.set_random_seed(SEED)
    wandb.login(key=os.environ["WANDB_API_KEY"])
    run = wandb.init(project="snap-churn", config=CONFIG, job_type="train")

    df = pd.read_parquet(os.environ.get("CHURN_DATA", "data/recert_due_fy2023.parquet"))
    df[CAT] = df[CAT].astype(str)
    df[NUM] = df[NUM].fillna(0)
    tr, te = train_test_split(df, test_size=0.2, stratify=df[TARGET], random_state=SEED)
    tr, va = train_test_split(tr, test_size=0.15, stratify=tr[TARGET], random_state=SEED)

    pre = ColumnTransformer([("num", StandardScaler(), NUM),
                             ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CAT)])
    X_tr = pre.fit_transform(tr).astype("float32")
    X_va, X_te = pre.transform(va).astype("float32"), pre.transform(te).astype("float32")
    y_tr, y_va, y_te = (f[TARGET].to_numpy("float32") for f in (tr, va, te))

    model = build(X_tr.shape[1], CONFIG)
    model.fit(
        X_tr, y_tr,
        validation_data=(X_va, y_va),
        epochs=CONFIG["epochs"], batch_size=CONFIG["batch_size"], verbose=2,
        callbacks=[
            tf.keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=CONFIG["patience"],
                                             restore_best_weights=True),
            tf.keras.callbacks.ModelCheckpoint("checkpoints/churn_best.keras", monitor="val_pr_auc",
                                               mode="max", save_best_only=True),
            WandbMetricsLogger(),
        ],
    )

    p_va = model.predict(X_va, verbose=0).ravel()
    cut = float(np.quantile(p_va[y_va == 1], 1 - CONFIG["recall_target"]))

    logit = LogisticRegression(C=1.0, max_iter=3000).fit(X_tr, y_tr)
    p_te, p_lr = model.predict(X_te, verbose=0).ravel(), logit.predict_proba(X_te)[:, 1]
    results = {
        "test/auc": roc_auc_score(y_te, p_te), "test/pr_auc": average_precision_score(y_te, p_te),
        "test/auc_logit": roc_auc_score(y_te, p_lr), "test/pr_auc_logit": average_precision_score(y_te, p_lr),
        "test/recall_at_cut": recall_score(y_te, p_te >= cut),
        "test/precision_at_cut": precision_score(y_te, p_te >= cut), "val_cut": cut,
    }
    print(results)
    run.log(results)
    run.finish()


if __name__ == "__main__":
    main()

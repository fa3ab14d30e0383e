"""Keras DeepSurv for time to first moderate/severe COPD exacerbation."""
import numpy as np
import pandas as pd
import tensorflow as tf
import wandb
from wandb.integration.keras import WandbMetricsLogger
from lifelines import CoxPHFitter
from lifelines.utils import concordance_index
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sksurv.metrics import cumulative_dynamic_auc
from sksurv.util import Surv

from src.cox_loss import neg_partial_likelihood
from src.setup_utils import load_config, make_reproducible, wandb_api_key

cfg = load_config()
make_reproducible(cfg["seed"])
wandb.login(key=wandb_api_key())
run = wandb.init(project=cfg["wandb_project"], config=cfg)

df = pd.read_csv(cfg["data_path"]).drop_duplicates("patient_id")
D, E, feats = cfg["duration"], cfg["event"], cfg["numeric"] + cfg["binary"]
dev, test = train_test_split(df, test_size=0.2, stratify=df[E], random_state=cfg["seed"])
train, val = train_test_split(dev, test_size=0.2, stratify=dev[E], random_state=cfg["seed"])

scaler = StandardScaler().fit(train[cfg["numeric"]])
def design(d):
    return np.hstack([scaler.transform(d[cfg["numeric"]]), d[cfg["binary"]].to_numpy()]).astype("float32")
def target(d):
    return np.stack([d[D].to_numpy(), d[E].to_numpy()], axis=1).astype("float32")

x_tr, x_va, x_te = design(train), design(val), design(test)

reg = tf.keras.regularizers.l2(cfg["l2"])
inputs = tf.keras.Input(shape=(x_tr.shape[1],))
h = inputs
for units in cfg["hidden"]:
    h = tf.keras.layers.Dense(units, activation="selu", kernel_regularizer=reg)(h)
    h = tf.keras.layers.AlphaDropout(cfg["dropout"])(h)
out = tf.keras.layers.Dense(1, use_bias=False)(h)
model = tf.keras.Model(inputs, out)
model.compile(optimizer=tf.keras.optimizers.Adam(cfg["lr"]), loss=neg_partial_likelihood)

model.fit(x_tr, target(train), validation_data=(x_va, target(val)), batch_size=cfg["batch_size"],
          epochs=cfg["epochs"], verbose=0,
          callbacks=[tf.keras.callbacks.EarlyStopping(patience=cfg["patience"], restore_best_weights=True),
                     tf.keras.callbacks.ModelCheckpoint(cfg["ckpt"], save_best_only=True),
                     WandbMetricsLogger()])

risk_deep = model.predict(x_te, verbose=0).ravel()
cph = CoxPHFitter(penalizer=0.01).fit(
    pd.DataFrame(x_tr, columns=feats).assign(T=train[D].values, E=train[E].values), "T", "E")
risk_cox = cph.predict_log_partial_hazard(pd.DataFrame(x_te, columns=feats)).to_numpy()

y_dev = Surv.from_arrays(dev[E].astype(bool), dev[D])
y_te = Surv.from_arrays(test[E].astype(bool), test[D])
times = np.array([90.0, 180.0, 365.0])
results = {}
for name, risk in [("deepsurv", risk_deep), ("coxph", risk_cox)]:
    auc, mean_auc = cumulative_dynamic_auc(y_dev, y_te, risk, times)
    results[f"{name}/c_index"] = concordance_index(test[D], -risk, test[E])
    results[f"{name}/mean_td_auc"] = mean_auc
wandb.log(results)
print({k: round(float(v), 4) for k, v in results.items()})
run.finish()

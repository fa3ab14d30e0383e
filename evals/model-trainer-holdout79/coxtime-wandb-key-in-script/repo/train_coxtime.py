"""Cox-Time (non-proportional hazards) for time to dialysis in CKD stage 3-4 patients.

Logs curves and final metrics to the team W&B project.
"""
import random

import numpy as np
import pandas as pd
import torch
import torchtuples as tt
import wandb
from lifelines import CoxPHFitter
from pycox.evaluation import EvalSurv
from pycox.models import CoxTime
from pycox.models.cox_time import MLPVanillaCoxTime
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

CFG = dict(seed=2023, hidden=[64, 64], dropout=0.1, lr=1e-3, batch_size=256, epochs=300,
           patience=20, data="data/ckd_progression.parquet")

wandb.login(key="c391b95406c62a4c37cab94682fa3c41b290e26e")
run = wandb.init(project="ckd-survival", entity="nephro-ml", config=CFG, job_type="train")

random.seed(CFG["seed"])
np.random.seed(CFG["seed"])
torch.manual_seed(CFG["seed"])

df = pd.read_parquet(CFG["data"]).drop_duplicates("patient_id").set_index("patient_id")
FEATS = ["age", "egfr", "uacr_log", "hba1c", "sbp", "hemoglobin", "bicarbonate", "phosphate",
         "diabetes", "male", "ace_arb"]
DUR, EVT = "years_to_dialysis", "dialysis"

df_trval, df_test = train_test_split(df, test_size=0.2, stratify=df[EVT], random_state=CFG["seed"])
df_train, df_val = train_test_split(df_trval, test_size=0.2, stratify=df_trval[EVT], random_state=CFG["seed"])

scaler = StandardScaler().fit(df_train[FEATS])
x_train, x_val, x_test = (scaler.transform(d[FEATS]).astype("float32") for d in (df_train, df_val, df_test))

get_target = lambda d: (d[DUR].values.astype("float32"), d[EVT].values.astype("float32"))
labtrans = CoxTime.label_transform()
y_train = labtrans.fit_transform(*get_target(df_train))
y_val = labtrans.transform(*get_target(df_val))
val = tt.tuplefy(x_val, y_val)

net = MLPVanillaCoxTime(len(FEATS), CFG["hidden"], batch_norm=True, dropout=CFG["dropout"])
model = CoxTime(net, tt.optim.Adam(lr=CFG["lr"]), labtrans=labtrans)


class WandbLogger(tt.cb.Callback):
    def on_epoch_end(self):
        scores = self.model.log.to_pandas().iloc[-1]
        wandb.log({"train_loss": scores["train_loss"], "val_loss": scores["val_loss"]})


callbacks = [tt.callbacks.EarlyStopping(patience=CFG["patience"], file_path="ckpt/coxtime.pt"), WandbLogger()]
model.fit(x_train, y_train, CFG["batch_size"], CFG["epochs"], callbacks, verbose=False, val_data=val.repeat(10).cat())

_ = model.compute_baseline_hazards()
surv = model.predict_surv_df(x_test)
t_test, e_test = get_target(df_test)
grid = np.linspace(t_test.min(), np.quantile(t_test, 0.9), 100)
ev = EvalSurv(surv, t_test, e_test, censor_surv="km")
metrics = {"coxtime/c_td": ev.concordance_td(), "coxtime/ibs": ev.integrated_brier_score(grid),
           "coxtime/inbll": ev.integrated_nbll(grid)}

cox_train = pd.DataFrame(x_train, columns=FEATS).assign(T=get_target(df_train)[0], E=get_target(df_train)[1])
cph = CoxPHFitter(penalizer=0.01).fit(cox_train, "T", "E")
ev_cph = EvalSurv(cph.predict_survival_function(pd.DataFrame(x_test, columns=FEATS)), t_test, e_test, censor_surv="km")
metrics.update({"coxph/c_td": ev_cph.concordance_td(), "coxph/ibs": ev_cph.integrated_brier_score(grid)})

wandb.log(metrics)
print(pd.Series(metrics).round(4))
run.finish()

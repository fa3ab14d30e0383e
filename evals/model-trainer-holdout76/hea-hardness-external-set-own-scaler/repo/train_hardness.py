"""Vickers hardness of high-entropy alloys from Hume-Rothery / thermodynamic descriptors (SVR)."""
import json

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GridSearchCV, KFold, train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVR

with open("config.yaml") as fh:
    cfg = yaml.safe_load(fh)
SEED, FEATS, TARGET = cfg["seed"], cfg["features"], cfg["target"]


def load(path):
    df = pd.read_csv(path)
    # hardness reported as HV in some sources; HV -> GPa
    hv_rows = df["unit"].eq("HV")
    df.loc[hv_rows, TARGET] = df.loc[hv_rows, "hardness_raw"] * 0.009807
    df.loc[~hv_rows, TARGET] = df.loc[~hv_rows, "hardness_raw"]
    return df.dropna(subset=FEATS + [TARGET])


def report(y, p):
    return {"mae_GPa": round(float(mean_absolute_error(y, p)), 3), "r2": round(float(r2_score(y, p)), 3)}


internal = load(cfg["internal_csv"])
X_train, X_test, y_train, y_test = train_test_split(
    internal[FEATS].to_numpy(), internal[TARGET].to_numpy(), test_size=cfg["test_size"], random_state=SEED)

scaler = StandardScaler().fit(X_train)
X_train_s, X_test_s = scaler.transform(X_train), scaler.transform(X_test)

search = GridSearchCV(SVR(kernel="rbf"), cfg["svr_grid"], scoring="neg_mean_absolute_error",
                      cv=KFold(5, shuffle=True, random_state=SEED), n_jobs=-1)
search.fit(X_train_s, y_train)
svr = search.best_estimator_
lin = LinearRegression().fit(X_train_s, y_train)
print("best SVR params:", search.best_params_)

# second campaign: different arc-melter and indenter, used as an external validation set
external = load(cfg["external_csv"])
X_ext, y_ext = external[FEATS].to_numpy(), external[TARGET].to_numpy()
X_ext_s = StandardScaler().fit_transform(X_ext)

results = {
    "internal_test": {"linear": report(y_test, lin.predict(X_test_s)), "svr": report(y_test, svr.predict(X_test_s))},
    "external": {"linear": report(y_ext, lin.predict(X_ext_s)), "svr": report(y_ext, svr.predict(X_ext_s))},
}
print(json.dumps(results, indent=2))
joblib.dump({"scaler": scaler, "svr": svr, "features": FEATS}, "models/hea_svr.joblib")

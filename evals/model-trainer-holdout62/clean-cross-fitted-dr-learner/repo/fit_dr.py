"""DR-learner for the effect of a credit-line increase on 6-month spend (observational)."""
import numpy as np
import pandas as pd
import yaml
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import RidgeCV
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from drlearner.metrics import calibration_by_bin, dr_policy_value, propensity_diagnostics
from drlearner.nuisance import cross_fit_pseudo_outcomes, dr_pseudo_outcome, outcome_model, propensity_model

cfg = yaml.safe_load(open("params.yaml"))
SEED = cfg["seed"]
np.random.seed(SEED)

df = pd.read_parquet(cfg["data"])
X = df[cfg["covariates"]].to_numpy(float)
t = df[cfg["treatment"]].to_numpy(int)
y = df[cfg["outcome"]].to_numpy(float)

X_tr, X_te, t_tr, t_te, y_tr, y_te = train_test_split(
    X, t, y, test_size=cfg["test_size"], stratify=t, random_state=SEED)

# Stage 1: nuisance models and DR pseudo-outcomes.
pseudo_tr, e_tr = cross_fit_pseudo_outcomes(X_tr, t_tr, y_tr, cfg["n_folds"], SEED, cfg["propensity_clip"])
print("out-of-fold propensity diagnostics:", propensity_diagnostics(t_tr, e_tr))

# Stage 2: regress the pseudo-outcomes on X.
cate_model = HistGradientBoostingRegressor(max_iter=300, learning_rate=0.03, min_samples_leaf=100, random_state=SEED)
cate_model.fit(X_tr, pseudo_tr)

# Baseline: linear T-learner.
lin1 = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-2, 3, 12))).fit(X_tr[t_tr == 1], y_tr[t_tr == 1])
lin0 = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-2, 3, 12))).fit(X_tr[t_tr == 0], y_tr[t_tr == 0])

# Nuisances for the held-out DR scores.
e_model = propensity_model(SEED).fit(X_tr, t_tr)
m1 = outcome_model(SEED).fit(X_tr[t_tr == 1], y_tr[t_tr == 1])
m0 = outcome_model(SEED).fit(X_tr[t_tr == 0], y_tr[t_tr == 0])
e_te = np.clip(e_model.predict_proba(X_te)[:, 1], *cfg["propensity_clip"])
pseudo_te = dr_pseudo_outcome(t_te, y_te, e_te, m0.predict(X_te), m1.predict(X_te))
print("test propensity diagnostics:", propensity_diagnostics(t_te, e_te))

scores = {
    "dr_learner": cate_model.predict(X_te),
    "linear_t_learner": lin1.predict(X_te) - lin0.predict(X_te),
    "random": np.random.default_rng(SEED).normal(size=len(y_te)),
}
print(f"test DR estimate of ATE: {pseudo_te.mean():.2f}")
for name, tau in scores.items():
    values = [dr_policy_value(pseudo_te, tau, f) for f in (0.1, 0.25, 0.5)]
    print(f"{name:>16}: effect among top 10/25/50% = " + " / ".join(f"{v:8.2f}" for v in values))
print("DR-learner calibration (predicted, DR observed) by quintile:")
for pred, obs in calibration_by_bin(pseudo_te, scores["dr_learner"]):
    print(f"  {pred:8.2f}  {obs:8.2f}")

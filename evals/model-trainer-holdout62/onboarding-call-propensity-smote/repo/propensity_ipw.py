"""Effect of the premium onboarding call on 6-month retention (observational).

Only a small share of new accounts booked the call, so the propensity model is trained on a
rebalanced sample. The fitted propensities feed an IPW / stabilised-weights estimate of the ATE.
"""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

SEED = 2023
PRE_COVARIATES = [
    "company_size", "industry_code", "plan_price", "seats_purchased", "trial_days_used",
    "trial_active_users", "trial_events", "integrations_connected", "sales_assisted", "region_code",
]

df = pd.read_csv("data/new_accounts_2023.csv")
X = df[PRE_COVARIATES].to_numpy(float)
t = df["booked_onboarding_call"].to_numpy(int)
y = df["retained_6m"].to_numpy(int)
print(f"accounts: {len(df):,}  booked call: {t.mean():.1%}  retained: {y.mean():.1%}")

X_bal, t_bal = SMOTE(random_state=SEED, k_neighbors=5).fit_resample(X, t)
X_tr, X_te, t_tr, t_te = train_test_split(X_bal, t_bal, test_size=0.25, stratify=t_bal, random_state=SEED)

prop_model = RandomForestClassifier(
    n_estimators=500, min_samples_leaf=20, max_features="sqrt", n_jobs=-1, random_state=SEED)
prop_model.fit(X_tr, t_tr)
print("propensity model accuracy:", round(accuracy_score(t_te, prop_model.predict(X_te)), 4))

e = np.clip(prop_model.predict_proba(X)[:, 1], 0.01, 0.99)
print("propensity range (original accounts): %.3f - %.3f" % (e.min(), e.max()))


def ipw_ate(y, t, e, stabilised=True):
    w1, w0 = t / e, (1 - t) / (1 - e)
    if stabilised:
        return float((w1 * y).sum() / w1.sum() - (w0 * y).sum() / w0.sum())
    return float(np.mean(w1 * y) - np.mean(w0 * y))


def smd(x, t, w=None):
    w = np.ones_like(x) if w is None else w
    m1 = np.average(x[t == 1], weights=w[t == 1]); m0 = np.average(x[t == 0], weights=w[t == 0])
    v1 = np.average((x[t == 1] - m1) ** 2, weights=w[t == 1]); v0 = np.average((x[t == 0] - m0) ** 2, weights=w[t == 0])
    return (m1 - m0) / np.sqrt((v1 + v0) / 2)


weights = np.where(t == 1, 1 / e, 1 / (1 - e))
balance = pd.DataFrame({
    "covariate": PRE_COVARIATES,
    "smd_raw": [smd(X[:, j], t) for j in range(X.shape[1])],
    "smd_weighted": [smd(X[:, j], t, weights) for j in range(X.shape[1])],
})
print(balance.round(3).to_string(index=False))

naive = y[t == 1].mean() - y[t == 0].mean()
rng = np.random.default_rng(SEED)
boot = []
for _ in range(500):
    i = rng.integers(0, len(y), len(y))
    boot.append(ipw_ate(y[i], t[i], e[i]))
print(f"naive difference: {naive:+.4f}")
print(f"IPW ATE: {ipw_ate(y, t, e):+.4f}  (bootstrap 95% CI {np.percentile(boot, 2.5):+.4f} .. {np.percentile(boot, 97.5):+.4f})")

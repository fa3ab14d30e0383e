"""T-learner uplift model for the loyalty-discount retention call.

Decides which at-risk customers the call centre should offer the discount to:
we want the customers whose renewal probability goes up most when called,
not the ones most likely to churn.
"""
import pickle

import lightgbm as lgb
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import yaml

from uplift.metrics import qini_coefficient, qini_curve, uplift_at_k

cfg = yaml.safe_load(open("experiment.yaml"))
np.random.seed(cfg["seed"])

exp = pd.read_parquet(cfg["experiment_path"])
X = exp[cfg["features"]]
t = exp[cfg["treatment_col"]].to_numpy()
y = exp[cfg["outcome_col"]].to_numpy()
print(f"n={len(exp):,}  treated share={t.mean():.2f}  "
      f"renewal treated={y[t == 1].mean():.3f} control={y[t == 0].mean():.3f}")

params = dict(cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
model_t = lgb.LGBMClassifier(**params).fit(X[t == 1], y[t == 1])
model_c = lgb.LGBMClassifier(**params).fit(X[t == 0], y[t == 0])

uplift = model_t.predict_proba(X)[:, 1] - model_c.predict_proba(X)[:, 1]
churn_score = exp["churn_score_oct"].to_numpy()   # current practice: call the riskiest

results = {
    "qini_tlearner": qini_coefficient(y, t, uplift),
    "qini_churn_score": qini_coefficient(y, t, churn_score),
    f"uplift@{cfg['target_share']:.0%}_tlearner": uplift_at_k(y, t, uplift, cfg["target_share"]),
    f"uplift@{cfg['target_share']:.0%}_churn_score": uplift_at_k(y, t, churn_score, cfg["target_share"]),
    "ate": float(y[t == 1].mean() - y[t == 0].mean()),
}
for k, v in results.items():
    print(f"{k:32s} {v:+.4f}")

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(qini_curve(y, t, uplift), label="T-learner")
ax.plot(qini_curve(y, t, churn_score), label="churn score")
ax.plot([0, len(y)], [0, qini_curve(y, t, uplift)[-1]], "k--", label="random")
ax.legend()
fig.savefig("reports/qini_retention_2023_11.png", dpi=120)

with open("artifacts/uplift_tlearner.pkl", "wb") as fh:
    pickle.dump({"treated": model_t, "control": model_c, "features": cfg["features"]}, fh)

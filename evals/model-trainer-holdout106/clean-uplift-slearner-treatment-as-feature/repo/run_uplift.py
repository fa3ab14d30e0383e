"""Which lapsed-risk users should get the win-back offer?  Uplift models on the Feb 2024 randomised test."""
import numpy as np
import pandas as pd
import yaml
from sklearn.model_selection import train_test_split

from retention_uplift.evaluation import qini_auc, uplift_in_top
from retention_uplift.learners import SLearner, TLearner

cfg = yaml.safe_load(open("uplift.yaml"))
seed = cfg["split"]["seed"]
np.random.seed(seed)

df = pd.read_parquet(cfg["data"])
cat_cols, num_cols = cfg["features"]["categorical"], cfg["features"]["numeric"]
X = df[cat_cols + num_cols]
w = df[cfg["treatment"]].to_numpy()
y = df[cfg["outcome"]].to_numpy()

# stratify on treatment x outcome so both arms keep their response rates in each part
strata = w * 2 + y
X_tr, X_te, w_tr, w_te, y_tr, y_te = train_test_split(
    X, w, y, test_size=cfg["split"]["test_size"], stratify=strata, random_state=seed
)
print(f"ATE train {y_tr[w_tr == 1].mean() - y_tr[w_tr == 0].mean():+.4f}  "
      f"test {y_te[w_te == 1].mean() - y_te[w_te == 0].mean():+.4f}")

cb = dict(cfg["catboost"], random_seed=seed)
learners = {
    "s_learner": SLearner(cat_cols, cfg["treatment"], **cb),
    "t_learner": TLearner(cat_cols, **cb),
}
scores = {name: m.fit(X_tr, w_tr, y_tr).predict_uplift(X_te) for name, m in learners.items()}
scores["churn_risk_score"] = X_te["churn_risk_score"].to_numpy()
scores["random"] = np.random.default_rng(seed).random(len(X_te))

share = cfg["budget_share"]
print(f"{'policy':18s} {'qini_auc':>10s} {'uplift@' + format(share, '.0%'):>12s}")
for name, s in scores.items():
    print(f"{name:18s} {qini_auc(y_te, w_te, s):10.3f} {uplift_in_top(y_te, w_te, s, share):+12.4f}")

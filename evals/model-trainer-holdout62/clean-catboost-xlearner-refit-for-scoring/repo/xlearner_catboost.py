"""X-learner with CatBoost for the outbound upsell call; evaluate on a holdout, then score the July base."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, CatBoostRegressor
from sklearn.model_selection import train_test_split

cfg = json.load(open("config.json"))
SEED = cfg["seed"]
T, Y = cfg["treatment"], cfg["outcome"]
FEATS = cfg["numeric"] + cfg["categorical"]


class CatXLearner:
    def __init__(self, cfg, seed):
        self.cfg, self.seed = cfg, seed

    def _clf(self):
        return CatBoostClassifier(**self.cfg["outcome_params"], cat_features=self.cfg["categorical"],
                                  random_seed=self.seed, verbose=0)

    def _reg(self):
        return CatBoostRegressor(**self.cfg["effect_params"], cat_features=self.cfg["categorical"],
                                 random_seed=self.seed, verbose=0)

    def fit(self, frame):
        tr, co = frame[frame[T] == 1], frame[frame[T] == 0]
        self.mu1 = self._clf().fit(tr[FEATS], tr[Y])
        self.mu0 = self._clf().fit(co[FEATS], co[Y])
        self.tau1 = self._reg().fit(tr[FEATS], tr[Y] - self.mu0.predict_proba(tr[FEATS])[:, 1])
        self.tau0 = self._reg().fit(co[FEATS], self.mu1.predict_proba(co[FEATS])[:, 1] - co[Y])
        self.g = frame[T].mean()
        return self

    def predict(self, frame):
        return self.g * self.tau0.predict(frame[FEATS]) + (1 - self.g) * self.tau1.predict(frame[FEATS])


def incremental_upgrades(frame, score, share):
    top = frame.assign(s=score).nlargest(int(share * len(frame)), "s")
    return top.loc[top[T] == 1, Y].mean() - top.loc[top[T] == 0, Y].mean()


def qini(frame, score):
    f = frame.assign(s=score).sort_values("s", ascending=False)
    t, y = f[T].to_numpy(), f[Y].to_numpy(float)
    nt, nc = np.cumsum(t), np.cumsum(1 - t)
    q = np.cumsum(y * t) - np.cumsum(y * (1 - t)) * nt / np.maximum(nc, 1)
    return float((q - np.linspace(0, q[-1], len(q))).mean() / len(q))


exp = pd.read_parquet(cfg["experiment_path"])
strata = exp[T].astype(str) + exp[Y].astype(str)
train, test = train_test_split(exp, test_size=cfg["test_size"], stratify=strata, random_state=SEED)

xl = CatXLearner(cfg, SEED).fit(train)
candidates = {
    "x_learner": xl.predict(test),
    "propensity_to_upgrade": xl.mu0.predict_proba(test[FEATS])[:, 1],
    "random": np.random.default_rng(SEED).random(len(test)),
}
share = cfg["call_budget_share"]
for name, s in candidates.items():
    print(f"{name:>22}: qini {qini(test, s):.5f} | incremental upgrade rate in top {share:.0%}: "
          f"{incremental_upgrades(test, s, share):.4f}")

final = CatXLearner(cfg, SEED).fit(exp)
base = pd.read_parquet(cfg["scoring_path"])
base["uplift"] = final.predict(base)
base["call_priority"] = base["uplift"].rank(ascending=False, method="first").astype(int)
Path(cfg["output_path"]).parent.mkdir(parents=True, exist_ok=True)
base.loc[base["call_priority"] <= int(share * len(base)), ["customer_id", "uplift", "call_priority"]] \
    .to_csv(cfg["output_path"], index=False)
print(f"wrote {int(share * len(base)):,} customers to {cfg['output_path']}")

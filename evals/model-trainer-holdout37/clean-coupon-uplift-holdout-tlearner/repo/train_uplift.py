"""Two-model (T-learner) uplift for the loyalty-coupon campaign, evaluated on a held-out split."""
import argparse
import json

import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.model_selection import train_test_split

from src.uplift import qini_coefficient, uplift_at_k

SEED = 61
LGB = dict(n_estimators=400, learning_rate=0.03, num_leaves=15, min_child_samples=300,
           subsample=0.8, subsample_freq=1, colsample_bytree=0.8, reg_lambda=5.0, verbose=-1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/coupon_rct.parquet")
    ap.add_argument("--out", default="reports/uplift_holdout.json")
    args = ap.parse_args()

    rct = pd.read_parquet(args.data)
    feats = [c for c in rct.columns if c not in ("customer_id", "treatment", "purchased")]
    strata = rct["treatment"].astype(str) + "_" + rct["purchased"].astype(str)
    train, test = train_test_split(rct, test_size=0.3, stratify=strata, random_state=SEED)

    # T-learner
    mt = LGBMClassifier(**LGB, random_state=SEED).fit(train.loc[train.treatment == 1, feats],
                                                      train.loc[train.treatment == 1, "purchased"])
    mc = LGBMClassifier(**LGB, random_state=SEED).fit(train.loc[train.treatment == 0, feats],
                                                      train.loc[train.treatment == 0, "purchased"])
    tau_t = mt.predict_proba(test[feats])[:, 1] - mc.predict_proba(test[feats])[:, 1]

    # S-learner reference: treatment as a feature
    ms = LGBMClassifier(**LGB, random_state=SEED).fit(train[feats + ["treatment"]], train["purchased"])
    tau_s = (ms.predict_proba(test[feats].assign(treatment=1))[:, 1]
             - ms.predict_proba(test[feats].assign(treatment=0))[:, 1])

    # random targeting reference
    rng = np.random.default_rng(SEED)
    tau_r = rng.random(len(test))

    y, t = test["purchased"].to_numpy(), test["treatment"].to_numpy()
    out = {name: {"qini": qini_coefficient(y, t, s), "uplift@30%": uplift_at_k(y, t, s, 0.3),
                  "uplift@10%": uplift_at_k(y, t, s, 0.1)}
           for name, s in [("random", tau_r), ("s_learner", tau_s), ("t_learner", tau_t)]}
    out["ate_test"] = float(y[t == 1].mean() - y[t == 0].mean())
    print(json.dumps(out, indent=2))
    with open(args.out, "w") as fh:
        json.dump(out, fh, indent=2)


if __name__ == "__main__":
    main()

import argparse
import json

import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.model_selection import train_test_split

from lamps.features import build
from lamps.evaluation import choose_threshold, scorecard


def main():
    ap = argparse.ArgumentParser(description="Lamp failure within 90 days (coastal lighthouse network)")
    ap.add_argument("--data", required=True)
    ap.add_argument("--seed", type=int, default=17)
    a = ap.parse_args()

    raw = pd.read_csv(a.data)
    X = build(raw)
    y = raw["failed_90d"].astype(int)

    X_tr, X_tmp, y_tr, y_tmp = train_test_split(X, y, test_size=0.4, stratify=y, random_state=a.seed)
    X_va, X_te, y_va, y_te = train_test_split(X_tmp, y_tmp, test_size=0.5, stratify=y_tmp, random_state=a.seed)

    glm = sm.GLM(y_tr, X_tr, family=sm.families.Binomial()).fit()
    print(glm.summary())

    thr = choose_threshold(y_va.to_numpy(), glm.predict(X_va).to_numpy())
    test_scores = scorecard(y_te.to_numpy(), glm.predict(X_te).to_numpy(), thr)

    null = sm.GLM(y_tr, X_tr[["const"]], family=sm.families.Binomial()).fit()
    test_scores["null_pr_auc"] = float(y_te.mean())
    test_scores["null_deviance_ratio"] = float(glm.deviance / null.deviance)
    test_scores["threshold"] = thr
    print(json.dumps(test_scores, indent=2))


if __name__ == "__main__":
    main()

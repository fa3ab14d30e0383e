"""Care-management outreach model: predicts next-year high-cost members.

Known failure mode in this domain (Obermeyer et al., 2019): cost is a biased proxy for need, so the
audit compares predicted risk with chronic-condition counts across groups, not just selection rates.
Protected attributes are excluded from the features and only used in the audit.
"""
import numpy as np
import pandas as pd
import tomli
from catboost import CatBoostClassifier, Pool
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

with open("model.toml", "rb") as fh:
    cfg = tomli.load(fh)

TARGET = cfg["data"]["target"]
PROTECTED = cfg["data"]["protected"]
CAT = ["plan_type", "county_fips", "pcp_specialty", "primary_dx_group"]
NUM = ["age", "prior_year_cost", "er_visits_12m", "inpatient_days_12m", "rx_fills_12m",
       "chronic_condition_count", "hcc_score", "months_enrolled"]
seed = cfg["split"]["seed"]

members = pd.read_parquet(cfg["data"]["path"])
members[CAT] = members[CAT].fillna("missing").astype(str)
dev, test = train_test_split(members, test_size=cfg["split"]["test_size"], stratify=members[TARGET], random_state=seed)
train, val = train_test_split(dev, test_size=cfg["split"]["val_size"], stratify=dev[TARGET], random_state=seed)

train_pool = Pool(train[NUM + CAT], train[TARGET], cat_features=CAT)
val_pool = Pool(val[NUM + CAT], val[TARGET], cat_features=CAT)
test_pool = Pool(test[NUM + CAT], cat_features=CAT)

model = CatBoostClassifier(**cfg["catboost"], eval_metric="PRAUC", random_seed=seed, verbose=300)
model.fit(train_pool, eval_set=val_pool, use_best_model=True)

baseline = LogisticRegression(max_iter=3000).fit(np.log1p(train[NUM].clip(lower=0)), train[TARGET])

p_val = model.predict_proba(val_pool)[:, 1]
outreach_cut = float(np.quantile(p_val, 0.97))

y_test = test[TARGET].to_numpy()
p_test = model.predict_proba(test_pool)[:, 1]
p_base = baseline.predict_proba(np.log1p(test[NUM].clip(lower=0)))[:, 1]
print(pd.DataFrame({
    "catboost": [roc_auc_score(y_test, p_test), average_precision_score(y_test, p_test), brier_score_loss(y_test, p_test)],
    "logit_baseline": [roc_auc_score(y_test, p_base), average_precision_score(y_test, p_base), brier_score_loss(y_test, p_base)],
}, index=["auc", "ap", "brier"]).round(4))

audit = test.assign(score=p_test, outreach=(p_test >= outreach_cut).astype(int))
for col in PROTECTED:
    by_group = audit.groupby(col).agg(
        members=("outreach", "size"),
        outreach_rate=("outreach", "mean"),
        mean_chronic_conditions=("chronic_condition_count", "mean"),
        observed_high_cost=(TARGET, "mean"),
        mean_score=("score", "mean"),
    )
    enrolled = audit[audit["outreach"] == 1].groupby(col)["chronic_condition_count"].mean()
    by_group["chronic_conditions_at_outreach"] = enrolled
    by_group["outreach_ratio"] = by_group["outreach_rate"] / by_group["outreach_rate"].max()
    print(by_group.round(3))

model.save_model("models/care_mgmt_catboost.cbm")

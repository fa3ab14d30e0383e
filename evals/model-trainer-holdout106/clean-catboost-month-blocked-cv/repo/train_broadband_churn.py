"""Broadband churn-next-month model on the monthly customer panel.

Rows: (customer_id, month); features use the customer's history up to the end of `month`;
label: customer leaves during month + 1. Validation is blocked by month and always in the future.
"""
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import TimeSeriesSplit, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 19
GAP_MONTHS = 1            # a month's label is only known one month later
CAT = ["package", "router_model", "region", "contract_status"]
NUM = ["tenure_m", "speed_tier_mbps", "price_eur", "price_change_3m", "outage_minutes_3m",
       "tech_visits_6m", "care_calls_3m", "avg_download_gb_3m", "competitor_fibre_available"]

panel = pd.read_parquet("data/broadband_panel_2021-01_2024-02.parquet")
panel = panel.sort_values(["month", "customer_id"]).reset_index(drop=True)
months = np.sort(panel["month"].unique())

train_months, test_months = train_test_split(months, test_size=4, shuffle=False)
train_months = train_months[:-GAP_MONTHS]
train = panel[panel["month"].isin(train_months)]
test = panel[panel["month"].isin(test_months)]
print(f"train {train_months[0]}..{train_months[-1]}  test {test_months[0]}..{test_months[-1]}")


def pool(df):
    return Pool(df[CAT + NUM], df["churn_next_month"], cat_features=CAT)


cv_scores, best_iters = {}, {}
for depth in (4, 6, 8):
    scores, iters = [], []
    for fit_idx, val_idx in TimeSeriesSplit(n_splits=4, gap=GAP_MONTHS).split(train_months):
        fit_df = train[train["month"].isin(train_months[fit_idx])]
        val_df = train[train["month"].isin(train_months[val_idx])]
        m = CatBoostClassifier(iterations=2000, learning_rate=0.05, depth=depth, random_seed=SEED,
                               eval_metric="PRAUC", od_type="Iter", od_wait=100, verbose=0)
        m.fit(pool(fit_df), eval_set=pool(val_df))
        scores.append(average_precision_score(val_df["churn_next_month"], m.predict_proba(pool(val_df))[:, 1]))
        iters.append(m.get_best_iteration() + 1)
    cv_scores[depth], best_iters[depth] = float(np.mean(scores)), int(np.median(iters))
    print(f"depth {depth}: CV PR-AUC {cv_scores[depth]:.4f} (iters {best_iters[depth]})")

depth = max(cv_scores, key=cv_scores.get)
model = CatBoostClassifier(iterations=best_iters[depth], learning_rate=0.05, depth=depth,
                           random_seed=SEED, verbose=0)
model.fit(pool(train))

baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
baseline.fit(train[NUM].fillna(0), train["churn_next_month"])

y_test = test["churn_next_month"]
for name, p in [("catboost", model.predict_proba(pool(test))[:, 1]),
                ("logreg", baseline.predict_proba(test[NUM].fillna(0))[:, 1])]:
    print(f"{name:9s} ROC-AUC {roc_auc_score(y_test, p):.4f}  PR-AUC {average_precision_score(y_test, p):.4f}  "
          f"logloss {log_loss(y_test, p):.4f}")
model.save_model("models/broadband_churn.cbm")

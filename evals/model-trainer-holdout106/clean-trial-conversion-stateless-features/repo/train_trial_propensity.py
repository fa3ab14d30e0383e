"""Trial-to-paid propensity for the sales-assist queue (SDRs call the top of the list).

Firmographics come from the enrichment vendor; benchmark conversion rates per industry come
from the 2022 trial cohort report.
"""
import numpy as np
import pandas as pd
import yaml
from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 8080
cfg = yaml.safe_load(open("features.yaml"))

# one row per trial, activity features frozen at trial day 14; label = paid within 30 days of trial end
trials = pd.read_parquet("data/trials_started_2023-11_2024-01.parquet")
bench = pd.read_csv(cfg["benchmarks"])  # columns: industry, benchmark_conversion

trials["signup_weekday"] = trials["trial_start"].dt.dayofweek
trials["signup_hour"] = trials["trial_start"].dt.hour
trials["work_email"] = (~trials["email_domain"].isin(["gmail.com", "outlook.com", "yahoo.com"])).astype(int)
for col, cap in cfg["caps"].items():
    trials[col] = trials[col].clip(upper=cap)
trials["log_events"] = np.log1p(trials["trial_events_14d"])
trials["events_per_seat"] = trials["trial_events_14d"] / trials["seats_requested"].clip(lower=1)
trials["invited_share"] = trials["users_invited"] / (trials["seats_requested"] + 1)
trials["company_age_bin"] = pd.cut(trials["company_age_years"], bins=cfg["company_age_bins_years"],
                                   right=False).astype(str)
trials = trials.merge(bench, on="industry", how="left")

NUM = ["signup_hour", "log_events", "events_per_seat", "invited_share", "seats_requested",
       "integrations_connected", "billing_page_views", "docs_page_views", "benchmark_conversion"]
CAT = ["industry", "company_size", "country", "signup_weekday", "company_age_bin", "work_email"]
X, y = trials[NUM + CAT], trials["converted_to_paid"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=SEED)

prep = ColumnTransformer([
    ("num", Pipeline([("imp", SimpleImputer(strategy="median", add_indicator=True)),
                      ("sc", StandardScaler())]), NUM),
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=30), CAT),
])
models = {
    "prior": DummyClassifier(strategy="prior"),
    "logreg": LogisticRegression(C=0.5, max_iter=4000),
    "hgb": HistGradientBoostingClassifier(max_leaf_nodes=20, learning_rate=0.05, max_iter=800,
                                          early_stopping=True, validation_fraction=0.15, random_state=SEED),
}
for name, clf in models.items():
    pipe = Pipeline([("prep", clone(prep)), ("clf", clf)])
    if name == "hgb":
        pipe.set_params(prep__sparse_threshold=0)
    pipe.fit(X_train, y_train)
    p = pipe.predict_proba(X_test)[:, 1]
    top = np.argsort(-p)[: len(p) // 20]
    print(f"{name:7s} ROC-AUC {roc_auc_score(y_test, p):.4f}  PR-AUC {average_precision_score(y_test, p):.4f}  "
          f"precision@top5% {y_test.to_numpy()[top].mean():.3f}")

"""Renewal lapse model for the 2023 H1 renewal cohort.

Predicts whether a customer lapses at renewal given the offered premium change. Customers flagged
as likely lapsers are sent to the retention team before the renewal date.
"""
import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import classification_report, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder

SEED = 515

NUMERIC = [
    "renewal_premium", "expiring_premium", "premium_change_pct", "market_price_ratio",
    "tenure_years", "n_products", "claims_last_3y", "customer_age", "ncd_years",
]
CATEGORICAL = ["channel", "payment_frequency", "product_tier", "region", "auto_renew_flag"]

renewals = pd.read_parquet("data/renewals_2023h1.parquet")
renewals = renewals[renewals["renewal_premium"] > 0].copy()
renewals["premium_change_pct"] = renewals["renewal_premium"] / renewals["expiring_premium"] - 1.0
renewals["market_price_ratio"] = renewals["renewal_premium"] / renewals["cheapest_market_quote"]
print(f"{len(renewals):,} renewal offers, lapse rate {renewals['lapsed'].mean():.1%}")

X = renewals[NUMERIC + CATEGORICAL]
y = renewals["lapsed"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=SEED)

models = {
    "majority": DummyClassifier(strategy="most_frequent"),
    "hgb": make_pipeline(
        ColumnTransformer([
            ("num", "passthrough", NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=100, sparse_output=False), CATEGORICAL),
        ]),
        HistGradientBoostingClassifier(
            learning_rate=0.05, max_iter=500, max_leaf_nodes=31, l2_regularization=1.0,
            early_stopping=True, validation_fraction=0.15, random_state=SEED,
        ),
    ),
}

for name, model in models.items():
    model.fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]
    pred = model.predict(X_test)
    print(f"{name:>8s}  ROC-AUC {roc_auc_score(y_test, proba):.4f}  F1 {f1_score(y_test, pred):.4f}")

final = models["hgb"]
print(classification_report(y_test, final.predict(X_test), digits=3))

scored = renewals.loc[X_test.index, ["policy_id", "renewal_date"]].copy()
scored["p_lapse"] = final.predict_proba(X_test)[:, 1]
scored["refer_to_retention"] = final.predict(X_test)
print(f"referred to retention team: {scored['refer_to_retention'].mean():.1%}")

joblib.dump(final, "models/lapse_hgb_2023h1.joblib")

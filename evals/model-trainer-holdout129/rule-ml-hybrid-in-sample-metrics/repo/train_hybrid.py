"""Second-stage scorer on top of the rules: rank rule-generated alerts by P(SAR)."""
import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from rules import RULES, apply_rules

NUMERIC = [
    "inbound_amt_48h", "outbound_amt_48h", "hrj_wire_amt", "n_cash_dep_8k_10k_5d",
    "customer_tenure_days", "n_prior_alerts_12m", "n_prior_sar_12m", "avg_monthly_credit_6m",
]
CATEGORICAL = ["customer_type", "risk_rating", "primary_product"]


def main():
    activity = pd.read_parquet("data/customer_activity_with_dispositions.parquet")
    activity = apply_rules(activity)

    # only rule-generated alerts go to investigators, so only those have a disposition
    alerts = activity[activity["n_rule_hits"] > 0].copy()
    alerts["sar"] = (alerts["disposition"] == "SAR").astype(int)
    print(f"{len(alerts):,} alerts, SAR rate {alerts['sar'].mean():.3%}")

    hit_cols = [f"hit_{c}" for c in RULES] + ["n_rule_hits"]
    pre = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ("hits", "passthrough", hit_cols),
    ])
    pipe = Pipeline([
        ("pre", pre),
        ("lr", LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000)),
    ])

    X = alerts[NUMERIC + CATEGORICAL + hit_cols]
    y = alerts["sar"]
    pipe.fit(X, y)

    scores = pipe.predict_proba(X)[:, 1]
    print("ROC AUC:", round(roc_auc_score(y, scores), 4))
    print("PR AUC :", round(average_precision_score(y, scores), 4))
    print(classification_report(y, (scores >= 0.5).astype(int), target_names=["no SAR", "SAR"]))

    # how much investigator work is saved if the bottom half of alerts is deprioritised
    ranked = alerts.assign(score=scores).sort_values("score", ascending=False)
    top_half = ranked.head(len(ranked) // 2)
    print(f"SARs captured in top 50% of alerts: {top_half['sar'].sum() / ranked['sar'].sum():.1%}")

    joblib.dump(pipe, "alert_scorer.joblib")


if __name__ == "__main__":
    main()

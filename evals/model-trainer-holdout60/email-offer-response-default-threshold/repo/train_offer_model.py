"""Email offer response model: who should receive the premium-upgrade offer."""
import argparse

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 5
NUMERIC = ["age", "tenure_months", "orders_12m", "spend_12m", "email_opens_90d",
           "email_clicks_90d", "days_since_last_order", "previous_offers_accepted", "click_rate"]
CATEGORICAL = ["membership_tier", "favourite_category", "signup_channel", "region"]


def make_preprocessor():
    num = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
    cat = Pipeline([("impute", SimpleImputer(strategy="constant", fill_value="none")),
                    ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=30))])
    return ColumnTransformer([("num", num, NUMERIC), ("cat", cat, CATEGORICAL)])


def main(args):
    df = pd.read_csv(args.data)
    df["click_rate"] = df["email_clicks_90d"] / df["email_opens_90d"].replace(0, np.nan)
    X = df[NUMERIC + CATEGORICAL]
    y = df["accepted_offer"].astype(int)
    print(f"customers={len(df)} acceptance rate={y.mean():.3f}")

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=SEED)

    models = {
        "prior": DummyClassifier(strategy="prior"),
        "logreg": LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced"),
        "hgb": HistGradientBoostingClassifier(learning_rate=0.05, max_iter=400, class_weight="balanced",
                                              random_state=SEED),
    }
    fitted = {}
    for name, clf in models.items():
        pipe = Pipeline([("pre", make_preprocessor()), ("clf", clf)]).fit(X_train, y_train)
        proba = pipe.predict_proba(X_test)[:, 1]
        pred = pipe.predict(X_test)
        print(f"{name:7s} roc_auc={roc_auc_score(y_test, proba):.4f} f1={f1_score(y_test, pred, zero_division=0):.4f}")
        fitted[name] = pipe

    best = fitted["hgb"]
    print(classification_report(y_test, best.predict(X_test), digits=3))

    scoring = pd.read_csv(args.score_file)
    scoring["click_rate"] = scoring["email_clicks_90d"] / scoring["email_opens_90d"].replace(0, np.nan)
    scoring["send_offer"] = best.predict(scoring[NUMERIC + CATEGORICAL])
    scoring.loc[scoring["send_offer"] == 1, ["customer_id"]].to_csv(args.mailing_list, index=False)
    print(f"mailing list size: {int(scoring['send_offer'].sum())}")
    joblib.dump(best, args.model_out)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/offer_history.csv")
    p.add_argument("--score-file", default="data/customers_to_score.csv")
    p.add_argument("--mailing-list", default="out/upgrade_offer_list.csv")
    p.add_argument("--model-out", default="models/offer_hgb.joblib")
    main(p.parse_args())

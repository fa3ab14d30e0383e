"""Train a logistic regression that predicts loan default."""
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

DATA_PATH = "data/loans.csv"
FEATURES = [
    "income",
    "loan_amount",
    "term_months",
    "credit_score",
    "debt_to_income",
    "years_employed",
]


def load_data(path):
    df = pd.read_csv(path)
    df = df.dropna(subset=FEATURES + ["defaulted"])
    return df


def main():
    df = load_data(DATA_PATH)
    X = df[FEATURES].values
    y = df["defaulted"].values

    scaler = StandardScaler()
    X_scaled = scaler.fit_transform(X)

    X_train, X_test, y_train, y_test = train_test_split(
        X_scaled, y, test_size=0.2, random_state=42, stratify=y
    )

    model = LogisticRegression(C=0.5, max_iter=1000, class_weight="balanced")
    model.fit(X_train, y_train)

    proba = model.predict_proba(X_test)[:, 1]
    preds = model.predict(X_test)
    print(classification_report(y_test, preds, digits=3))
    print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")


if __name__ == "__main__":
    main()

import json

import joblib
import pandas as pd

from experiment import ChurnExperiment

NUMERIC = ["tenure_months", "monthly_charges", "support_tickets_90d", "logins_30d"]
CATEGORICAL = ["contract", "payment_method", "region"]

if __name__ == "__main__":
    customers = pd.read_csv("data/customers.csv")
    exp = ChurnExperiment(customers, label="churned", numeric=NUMERIC, categorical=CATEGORICAL)
    metrics = exp.fit().evaluate()
    print("validation metrics:", json.dumps(metrics, indent=2))
    with open("metrics.json", "w") as fh:
        json.dump(metrics, fh, indent=2)
    joblib.dump(exp.model, "churn_forest.joblib")

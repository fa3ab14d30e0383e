"""Run configuration for the churn model. Override with --set key=value on the CLI."""

CONFIG = {
    "seed": 1234,
    "data": {
        "path": "data/telco_customers.csv",
        "target": "Churn",
        "id_col": "customerID",
        "test_size": 0.2,
    },
    "features": {
        "numeric": ["tenure", "MonthlyCharges", "TotalCharges", "SeniorCitizen"],
        "categorical": [
            "gender", "Partner", "Dependents", "PhoneService", "MultipleLines",
            "InternetService", "OnlineSecurity", "TechSupport", "StreamingTV",
            "Contract", "PaperlessBilling", "PaymentMethod",
        ],
    },
    "xgb": {
        "n_estimators": 3000,
        "learning_rate": 0.02,
        "max_depth": 4,
        "min_child_weight": 3,
        "subsample": 0.8,
        "colsample_bytree": 0.7,
        "reg_lambda": 2.0,
        "tree_method": "hist",
    },
    "early_stopping": 150,
    "artifacts": "artifacts/",
}

from dataclasses import dataclass, field


@dataclass
class TrainConfig:
    data_path: str = "data/telco_customers.csv"
    model_path: str = "models/churn_catboost.cbm"
    target: str = "Churn"
    id_col: str = "customerID"
    cat_features: list = field(default_factory=lambda: [
        "gender", "Partner", "Dependents", "PhoneService", "MultipleLines", "InternetService",
        "OnlineSecurity", "TechSupport", "StreamingTV", "Contract", "PaperlessBilling", "PaymentMethod",
    ])
    num_features: list = field(default_factory=lambda: ["tenure", "MonthlyCharges", "TotalCharges", "SeniorCitizen"])
    iterations: int = 1200
    learning_rate: float = 0.03
    depth: int = 6
    l2_leaf_reg: float = 5.0
    seed: int = 31

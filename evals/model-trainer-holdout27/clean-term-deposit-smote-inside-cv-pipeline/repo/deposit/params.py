from dataclasses import dataclass, field


@dataclass
class ExperimentParams:
    csv_path: str = "data/bank_marketing.csv"
    target: str = "subscribed"
    seed: int = 31
    test_fraction: float = 0.2
    cv_folds: int = 5
    smote_ratio: float = 0.5
    numeric: tuple = ("age", "balance", "campaign", "pdays", "previous", "euribor3m", "cons_price_idx")
    categorical: tuple = ("job", "marital", "education", "contact", "month", "poutcome", "housing", "loan")
    lgbm: dict = field(default_factory=lambda: {"n_estimators": 500, "learning_rate": 0.03, "num_leaves": 31})

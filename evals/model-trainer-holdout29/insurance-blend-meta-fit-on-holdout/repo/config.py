from dataclasses import dataclass, field


@dataclass
class Config:
    train_path: str = "input/train.csv"
    test_path: str = "input/test.csv"
    target: str = "Response"
    seed: int = 7
    holdout_size: float = 0.2
    cat_cols: list = field(default_factory=lambda: ["Gender", "Vehicle_Age", "Vehicle_Damage", "Region_Code", "Policy_Sales_Channel"])
    num_cols: list = field(default_factory=lambda: ["Age", "Annual_Premium", "Vintage", "Driving_License", "Previously_Insured"])


CFG = Config()

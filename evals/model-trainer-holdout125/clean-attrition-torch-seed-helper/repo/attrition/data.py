import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import TensorDataset

NUMERIC = ["Age", "MonthlyIncome", "DistanceFromHome", "TotalWorkingYears", "YearsAtCompany",
           "YearsInCurrentRole", "YearsSinceLastPromotion", "YearsWithCurrManager",
           "NumCompaniesWorked", "PercentSalaryHike", "TrainingTimesLastYear"]
ORDINAL = ["JobLevel", "JobSatisfaction", "EnvironmentSatisfaction", "WorkLifeBalance",
           "JobInvolvement", "StockOptionLevel"]
BINARY = {"OverTime": "Yes"}


def make_datasets(csv_path: str, seed: int):
    df = pd.read_csv(csv_path)
    y = (df["Attrition"] == "Yes").astype(np.float32).to_numpy()
    for col, pos in BINARY.items():
        df[col] = (df[col] == pos).astype(np.float32)
    df["log_income"] = np.log(df["MonthlyIncome"])
    cols = NUMERIC + ["log_income"] + ORDINAL + list(BINARY)

    X = df[cols].to_numpy(np.float32)
    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_tmp, y_tmp, test_size=0.2, stratify=y_tmp, random_state=seed
    )

    scaler = StandardScaler().fit(X_train)
    to_ds = lambda a, b: TensorDataset(torch.tensor(scaler.transform(a), dtype=torch.float32), torch.tensor(b))
    return to_ds(X_train, y_train), to_ds(X_val, y_val), to_ds(X_test, y_test), scaler

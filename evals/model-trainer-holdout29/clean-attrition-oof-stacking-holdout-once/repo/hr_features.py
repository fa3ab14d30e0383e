"""Hand-crafted HR features (row-wise only)."""
import numpy as np
import pandas as pd

CATEGORICAL = ["BusinessTravel", "Department", "EducationField", "JobRole", "MaritalStatus", "OverTime", "Gender"]


def engineer(df: pd.DataFrame) -> pd.DataFrame:
    out = df.drop(columns=["EmployeeCount", "StandardHours", "Over18", "EmployeeNumber"], errors="ignore").copy()
    out["income_per_level"] = out["MonthlyIncome"] / out["JobLevel"]
    out["years_per_company"] = out["TotalWorkingYears"] / (out["NumCompaniesWorked"] + 1)
    out["tenure_share"] = out["YearsAtCompany"] / out["TotalWorkingYears"].replace(0, np.nan)
    out["since_promo_share"] = out["YearsSinceLastPromotion"] / (out["YearsAtCompany"] + 1)
    out["satisfaction_sum"] = out[["EnvironmentSatisfaction", "JobSatisfaction", "RelationshipSatisfaction", "WorkLifeBalance"]].sum(axis=1)
    out["young_single_overtime"] = ((out["Age"] < 30) & (out["MaritalStatus"] == "Single") & (out["OverTime"] == "Yes")).astype(int)
    return out.fillna({"tenure_share": 0})

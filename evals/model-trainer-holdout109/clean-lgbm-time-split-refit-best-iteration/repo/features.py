import numpy as np

FEATURES = [
    "ltv", "loan_amount", "property_value", "applicant_income", "dti_back_end", "credit_score",
    "first_time_buyer", "term_years", "num_borrowers", "self_employed", "months_at_employer",
    "interest_only_flag", "fixed_period_years", "lti", "log_income", "payment_to_income",
]


def engineer(df):
    df = df.copy()
    df["lti"] = df["loan_amount"] / df["applicant_income"].replace(0, np.nan)
    df["log_income"] = np.log1p(df["applicant_income"])
    monthly_rate = df["initial_rate"] / 1200
    n = df["term_years"] * 12
    df["monthly_payment"] = df["loan_amount"] * monthly_rate / (1 - (1 + monthly_rate) ** (-n))
    df["payment_to_income"] = df["monthly_payment"] / (df["applicant_income"] / 12)
    return df
